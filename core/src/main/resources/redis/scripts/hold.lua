-- Holds seats: all requested seats or none.
-- ARGV: now, holdId, owner, buyer, tokenHash, expiresAt, channel, limit (0: none), terminal,
--       mode ('seats' | 'best'), then for 'seats': seat list (csv of indexes);
--       for 'best': count, category ('*' for any), wheelchair spaces wanted
-- Reply: OK, holdId, expiresAt, seats, status, orderId | ERR, code, detail
-- Safe to run twice: a hold id that exists is answered from its record, never applied again.
local now, hold_id, owner, buyer, token_hash = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local expires_at, channel, limit, terminal, mode = tonumber(ARGV[6]), ARGV[7], tonumber(ARGV[8]), ARGV[9], ARGV[10]

local missing = require_loaded()
if missing then
    return missing
end

local existing = load_hold(hold_id)
if existing then
    if not token_ok(existing, token_hash) then
        return err('DUPLICATE_HOLD_ID', hold_id)
    end
    if existing.status == 'HELD' or existing.status == 'CONFIRMED' then
        return hold_reply(existing)
    end
    return err('HOLD_ENDED', existing.status)
end

local n = seat_count()
local seats

local function free_at(st, fl, j, allow_wheelchair)
    if j < 1 or j > #st then
        return false
    end
    return string.byte(st, j) == 46 and (allow_wheelchair or string.byte(fl, j) ~= 87)
end

-- Best start (1-based within the block) for a group, and whether it leaves an orphan.
local function best_window(info, count, wheelchair)
    local st = redis.call('GETRANGE', K_STATE, info.start, info.start + info.len - 1)
    local fl = redis.call('GETRANGE', K_FLAGS, info.start, info.start + info.len - 1)
    local best, best_orphan, best_dist = nil, nil, nil
    local function consider(a, orphan)
        local dist = math.abs((a - 1) + (count - 1) / 2 - info.sweet)
        if best == nil or (best_orphan and not orphan) or (best_orphan == orphan and dist < best_dist) then
            best, best_orphan, best_dist = a, orphan, dist
        end
    end
    if wheelchair == 0 and not string.find(fl, 'W', 1, true) then
        -- the common case: walk runs of free seats; a window leaves an orphan when exactly one
        -- free seat of its run is left on either side
        local from = 1
        while true do
            local s, e = string.find(st, '%.+', from)
            if not s then
                break
            end
            for a = s, e - count + 1 do
                consider(a, (a - s) == 1 or (e - (a + count - 1)) == 1)
            end
            from = e + 1
        end
        return best, best_orphan
    end
    for a = 1, info.len - count + 1 do
        local ok, spaces = true, 0
        for j = a, a + count - 1 do
            if not free_at(st, fl, j, wheelchair > 0) then
                ok = false
                break
            end
            if string.byte(fl, j) == 87 then
                spaces = spaces + 1
            end
        end
        if ok and spaces == wheelchair then
            local orphan = false
            if wheelchair == 0 then
                -- a lone free seat on either side, boxed in by the group and something taken
                if free_at(st, fl, a - 1, false) and not free_at(st, fl, a - 2, false) then
                    orphan = true
                end
                if free_at(st, fl, a + count, false) and not free_at(st, fl, a + count + 1, false) then
                    orphan = true
                end
            end
            consider(a, orphan)
        end
    end
    return best, best_orphan
end

if mode == 'seats' then
    local parse_err
    seats, parse_err = parse_seats(ARGV[11], n)
    if not seats then
        return parse_err
    end
    local taken = {}
    for _, i in ipairs(seats) do
        if not free_for(i, terminal) then
            taken[#taken + 1] = i
        end
    end
    if #taken > 0 then
        return err('SEAT_UNAVAILABLE', table.concat(taken, ','))
    end
elseif mode == 'best' then
    local count, cat, wheelchair = tonumber(ARGV[11]), ARGV[12], tonumber(ARGV[13])
    local cap = META.maxGroup
    if count == nil or count < 1 or count > cap or wheelchair == nil or wheelchair < 0 or wheelchair > count then
        return err('INVALID_REQUEST', 'count must be 1 to ' .. cap .. ', wheelchair spaces 0 to count')
    end
    local candidates
    if wheelchair == 0 then
        local prefix = cat .. '|' .. pad(count, 2) .. '|'
        candidates = redis.call('ZRANGEBYLEX', K_RUNS, '[' .. prefix, '[' .. prefix .. '~', 'LIMIT', 0, 8)
    else
        local prefix = cat .. '|W|'
        candidates = redis.call('ZRANGEBYLEX', K_RUNS, '[' .. prefix, '[' .. prefix .. '~')
    end
    local chosen_block, chosen_at = nil, nil
    for _, member in ipairs(candidates) do
        local b = tonumber(string.match(member, '|(%d+)$'))
        local info = block_info(b)
        local at, orphan = best_window(info, count, wheelchair)
        if at then
            if chosen_block == nil then
                chosen_block, chosen_at = b, at
            end
            if not orphan then
                chosen_block, chosen_at = b, at
                break
            end
        end
    end
    if chosen_block == nil then
        return err('NOT_ENOUGH_SEATS', count .. ' together in ' .. cat)
    end
    seats = {}
    local start = block_info(chosen_block).start
    for j = 0, count - 1 do
        seats[#seats + 1] = start + chosen_at - 1 + j
    end
else
    return err('INVALID_REQUEST', 'unknown mode ' .. tostring(mode))
end

if limit > 0 and buyer ~= '' then
    local already = tonumber(redis.call('HGET', K_BUYERS, buyer) or '0')
    if already + #seats > limit then
        return err('LIMIT_EXCEEDED', tostring(limit - already))
    end
end

local prev = {}
for j, i in ipairs(seats) do
    prev[j] = state_of(i)
    set_seat(i, 'H', hold_id)
end
reindex_touched()
buyer_add(buyer, #seats)

local hold = { id = hold_id, status = 'HELD', owner = owner, buyer = buyer, token = token_hash,
               channel = channel, terminal = terminal, seats = seats, prev = prev,
               createdAt = now, expiresAt = expires_at, extensions = 0 }
save_hold(hold)
redis.call('ZADD', K_EXPIRY, expires_at, hold_id)
feed('HELD', seats, 'H', hold_id, now)
return hold_reply(hold)
