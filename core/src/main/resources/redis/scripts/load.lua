-- Loads (or rebuilds) a performance's seat state from durable truth. Every live hold is dropped;
-- the feed gets a REBUILD entry naming them so their owners and every seat map can react.
-- ARGV: now, load id, seat count, maxGroup, flags (one byte per seat), seat blocks (three bytes per seat),
--       blocks ("start len cat rank sweet" joined by ';'), state (one byte per seat: '.' 'S' 'B' 'A'),
--       owners (JSON object: seat index -> order id, reason or terminal id),
--       buyers (JSON object: buyer -> seats owned)
-- Owners and buyers are free text (a block reason, an e-mail address), hence JSON rather than
-- separators. Every argument is checked before the first write: a refused load leaves the
-- performance exactly as it was.
-- Each call has a load id of its own, kept in meta with the reply. A load sent again (a client
-- library re-sends a command that had no answer when its connection dropped) finds its id there
-- and gets the first reply, without wiping what happened since or losing the dropped hold ids.
-- Reply: OK, dropped hold ids (csv) | ERR, INVALID_REQUEST, what is wrong
local now, load_id, n, max_group = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local flags, seatblk, blocks, state, owners_json, buyers_json = ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]

if load_id == nil or load_id == '' then
    return err('INVALID_REQUEST', 'a load id is required')
end
local last = redis.call('HMGET', K_META, 'loadId', 'loadReply')
if last[1] == load_id then
    return { 'OK', last[2] or '' }
end

local function whole(x)
    return type(x) == 'number' and x >= 0 and x == math.floor(x) and x < 2 ^ 53
end

local function invalid(detail)
    return err('INVALID_REQUEST', detail)
end

-- The JSON object in s as a table, or nil when s is not a JSON object.
local function json_object(s)
    if s == nil or string.sub(s, 1, 1) ~= '{' then
        return nil
    end
    local ok, decoded = pcall(cjson.decode, s)
    if not ok or type(decoded) ~= 'table' then
        return nil
    end
    return decoded
end

local function block_code(b)
    return string.char(48 + math.floor(b / 4096) % 64, 48 + math.floor(b / 64) % 64, 48 + b % 64)
end

-- --- check everything ---

if not whole(now) or not whole(n) or not whole(max_group) or max_group < 1 then
    return invalid('time, seat count and largest group must be whole numbers')
end
if flags == nil or seatblk == nil or blocks == nil or state == nil then
    return invalid('layout or state missing')
end
if #flags ~= n or #seatblk ~= n * 3 or #state ~= n then
    return invalid('layout sizes do not match the seat count')
end
local bad = string.find(state, '[^%.SBA]')
if bad then
    return invalid('unknown state ' .. string.sub(state, bad, bad) .. ' at seat ' .. (bad - 1))
end
bad = string.find(flags, '[^%.WC]')
if bad then
    return invalid('unknown flag ' .. string.sub(flags, bad, bad) .. ' at seat ' .. (bad - 1))
end
if string.find(seatblk, '[^0-o]') then
    return invalid('seat blocks hold a character outside 0..o')
end

-- Blocks must be well formed and tile the seats in order, each seat naming its own block.
local specs = {}
local next_start = 0
for spec in string.gmatch(blocks, '[^;]+') do
    local start, len = string.match(spec, '^(%d+) (%d+) [%w_%-]+ %d+ %d+$')
    start, len = tonumber(start), tonumber(len)
    if start == nil or len < 1 or start ~= next_start or start + len > n then
        return invalid('block ' .. #specs .. ' is malformed or out of place: ' .. spec)
    end
    if string.sub(seatblk, start * 3 + 1, (start + len) * 3) ~= string.rep(block_code(#specs), len) then
        return invalid('seats of block ' .. #specs .. ' name another block')
    end
    specs[#specs + 1] = spec
    next_start = start + len
end
if next_start ~= n then
    return invalid('blocks cover ' .. next_start .. ' of ' .. n .. ' seats')
end

local owners = json_object(owners_json)
if owners == nil then
    return invalid('owners are not a JSON object')
end
for i, owner in pairs(owners) do
    local seat = type(i) == 'string' and string.match(i, '^%d+$') and tonumber(i)
    if not seat or seat >= n then
        return invalid('owner given for no seat: ' .. tostring(i))
    end
    if type(owner) ~= 'string' then
        return invalid('owner of seat ' .. i .. ' is not text')
    end
    if string.sub(state, seat + 1, seat + 1) == '.' then
        return invalid('owner given for available seat ' .. i)
    end
end

local buyers = json_object(buyers_json)
if buyers == nil then
    return invalid('buyers are not a JSON object')
end
for buyer, count in pairs(buyers) do
    if type(buyer) ~= 'string' or buyer == '' then
        return invalid('a buyer has no name')
    end
    if not whole(count) then
        return invalid('seats of a buyer must be a whole number')
    end
end

-- --- replace the performance ---

local dropped = redis.call('ZRANGE', K_EXPIRY, 0, -1)

redis.call('DEL', K_META, K_STATE, K_OWNER, K_FLAGS, K_SEATBLK, K_BLOCKS, K_RUNS, K_MAXRUN,
    K_HOLDS, K_EXPIRY, K_ENDED, K_BUYERS, K_SALES, K_COUNTS)

local reply = table.concat(dropped, ',')
redis.call('HSET', K_META, 'seats', n, 'maxGroup', max_group, 'loadedAt', now, 'loadId', load_id, 'loadReply', reply)
redis.call('SET', K_STATE, state)
redis.call('SET', K_FLAGS, flags)
redis.call('SET', K_SEATBLK, seatblk)

local counts = { ['.'] = 0, H = 0, S = 0, B = 0, A = 0 }
for c, _ in pairs(counts) do
    if c ~= 'H' then
        local _, found = string.gsub(state, c == '.' and '%.' or c, '')
        counts[c] = found
    end
end
for c, v in pairs(counts) do
    redis.call('HSET', K_COUNTS, c, v)
end
-- Durable seats do not say who sold them: every sold seat is tallied under UNKNOWN, and so is its
-- order, so a refund (or a later seat of the same order) takes from and adds to that same tally.
if counts.S > 0 then
    redis.call('HSET', K_COUNTS, 'sold@' .. UNKNOWN_ORIGIN, counts.S)
end

for b, spec in ipairs(specs) do
    redis.call('HSET', K_BLOCKS, b - 1, spec)
end
for i, owner in pairs(owners) do
    if owner ~= '' then
        redis.call('HSET', K_OWNER, i, owner)
        local seat = tonumber(i)
        if string.sub(state, seat + 1, seat + 1) == 'S' then
            redis.call('HSET', K_SALES, origin_field(owner), UNKNOWN_ORIGIN)
        end
    end
end
for buyer, count in pairs(buyers) do
    if count > 0 then
        redis.call('HSET', K_BUYERS, buyer, string.format('%d', count))
    end
end

for blk = 0, #specs - 1 do
    local info = block_info(blk)
    local st = string.sub(state, info.start + 1, info.start + info.len)
    local fl = string.sub(flags, info.start + 1, info.start + info.len)
    local _, free = string.gsub(st, '%.', '')
    redis.call('HINCRBY', K_COUNTS, 'free:' .. info.cat, free)
    if string.find(fl, 'W', 1, true) then
        redis.call('ZADD', K_RUNS, 0, info.cat .. '|W|' .. pad(info.rank, 10) .. '|' .. pad(blk, 6),
            0, '*|W|' .. pad(info.rank, 10) .. '|' .. pad(blk, 6))
    end
    reindex_block(blk, max_group)
end

feed('REBUILD', {}, '', reply, now)
return { 'OK', reply }
