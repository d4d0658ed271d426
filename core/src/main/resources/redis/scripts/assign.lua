-- Blocks, unblocks, allocates to a terminal or deallocates seats: all listed seats or none.
-- ARGV: now, op ('BLOCK' | 'UNBLOCK' | 'ALLOCATE' | 'DEALLOCATE'), seats (csv), reason or terminal id,
--       call id (new for every call)
-- Seats already in the wanted state are left as they are, so running it twice changes nothing; a
-- call id seen before is answered with the reply it got then.
-- Reply: OK, changed seats (csv) | ERR, code, detail
local now, op, csv, arg, call_id = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local earlier = earlier_reply(call_id)
if earlier then
    return earlier
end

local seats, refusal = loaded_seats(csv)
if not seats then
    return refusal
end

local from, to
if op == 'BLOCK' then
    from, to = '.', 'B'
elseif op == 'UNBLOCK' then
    from, to = 'B', '.'
elseif op == 'ALLOCATE' then
    from, to = '.', 'A'
elseif op == 'DEALLOCATE' then
    from, to = 'A', '.'
else
    return err('INVALID_REQUEST', 'unknown operation ' .. tostring(op))
end
if (op == 'ALLOCATE' or op == 'DEALLOCATE' or op == 'BLOCK') and (arg == nil or arg == '') then
    return err('INVALID_REQUEST', op == 'BLOCK' and 'a reason is required' or 'a terminal is required')
end

local change, refused = {}, {}
for _, i in ipairs(seats) do
    local s = state_of(i)
    local owner = redis.call('HGET', K_OWNER, i)
    if s == to and (to ~= 'A' or owner == arg) then
        -- already as wanted
    elseif s == from and (from ~= 'A' or owner == arg) then
        change[#change + 1] = i
    else
        refused[#refused + 1] = i
    end
end
if #refused > 0 then
    return err('SEAT_UNAVAILABLE', table.concat(refused, ','))
end
local owner = nil
if to == 'B' or to == 'A' then
    owner = arg
end
for _, i in ipairs(change) do
    set_seat(i, to, owner)
end
reindex_touched()
if #change > 0 then
    feed(op, change, to, arg, now)
end
return remember_reply(call_id, { 'OK', table.concat(change, ',') })
