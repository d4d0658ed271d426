-- Loads (or rebuilds) a performance's seat state from durable truth. Every live hold is dropped;
-- the feed gets a REBUILD entry naming them so their owners and every seat map can react.
-- ARGV: now, seat count, maxGroup, flags (one byte per seat), seat blocks (three bytes per seat),
--       blocks ("start len cat rank sweet" joined by ';'), state (one byte per seat: '.' 'S' 'B' 'A'),
--       owners ("index=owner" joined by ';'), buyers ("buyer=count" joined by ';')
-- Reply: OK, dropped hold ids (csv)
local now, n, max_group = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local flags, seatblk, blocks, state, owners, buyers = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]

if #flags ~= n or #seatblk ~= n * 3 or #state ~= n then
    return err('INVALID_REQUEST', 'layout sizes do not match the seat count')
end

local dropped = {}
for _, hold_id in ipairs(redis.call('ZRANGE', K_EXPIRY, 0, -1)) do
    dropped[#dropped + 1] = hold_id
end

redis.call('DEL', K_META, K_STATE, K_OWNER, K_FLAGS, K_SEATBLK, K_BLOCKS, K_RUNS, K_MAXRUN,
    K_HOLDS, K_EXPIRY, K_ENDED, K_BUYERS, K_SALES, K_COUNTS)

redis.call('HSET', K_META, 'seats', n, 'maxGroup', max_group, 'loadedAt', now)
redis.call('SET', K_STATE, state)
redis.call('SET', K_FLAGS, flags)
redis.call('SET', K_SEATBLK, seatblk)

local counts = { ['.'] = 0, H = 0, S = 0, B = 0, A = 0 }
for j = 1, n do
    local c = string.sub(state, j, j)
    if counts[c] == nil then
        return err('INVALID_REQUEST', 'unknown state ' .. c .. ' at seat ' .. (j - 1))
    end
    counts[c] = counts[c] + 1
end
for c, v in pairs(counts) do
    redis.call('HSET', K_COUNTS, c, v)
end

local b = 0
for spec in string.gmatch(blocks, '[^;]+') do
    redis.call('HSET', K_BLOCKS, b, spec)
    b = b + 1
end
for spec in string.gmatch(owners, '[^;]+') do
    local i, owner = string.match(spec, '^(%d+)=(.*)$')
    redis.call('HSET', K_OWNER, i, owner)
end
for spec in string.gmatch(buyers, '[^;]+') do
    local buyer, count = string.match(spec, '^(.*)=(%d+)$')
    redis.call('HSET', K_BUYERS, buyer, count)
end

for blk = 0, b - 1 do
    local info = block_info(blk)
    local st = string.sub(state, info.start + 1, info.start + info.len)
    local fl = string.sub(flags, info.start + 1, info.start + info.len)
    local free, wheelchair = 0, false
    for j = 1, info.len do
        if string.byte(st, j) == 46 then
            free = free + 1
        end
        if string.byte(fl, j) == 87 then
            wheelchair = true
        end
    end
    redis.call('HINCRBY', K_COUNTS, 'free:' .. info.cat, free)
    if wheelchair then
        redis.call('ZADD', K_RUNS, 0, info.cat .. '|W|' .. pad(info.rank, 10) .. '|' .. pad(blk, 6),
            0, '*|W|' .. pad(info.rank, 10) .. '|' .. pad(blk, 6))
    end
    reindex_block(blk, max_group)
end

feed('REBUILD', {}, '', table.concat(dropped, ','), now)
return { 'OK', table.concat(dropped, ',') }
