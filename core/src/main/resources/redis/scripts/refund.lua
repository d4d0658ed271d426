-- Returns sold seats of an order to sale (refund or exchange).
-- ARGV: now, orderId, seats (csv), buyer ('' when none), call id (new for every call)
-- Only seats sold under this order are freed; a seat freed before (and perhaps sold again since)
-- is left alone, so running it twice frees nothing twice; a call id seen before is answered with
-- the reply it got then. Each seat freed comes off the sales tally its order was counted under
-- (set_seat), so the tally follows the same repeat checks.
-- Reply: OK, freed seats (csv)
local now, order_id, csv, buyer, call_id = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local earlier = earlier_reply(call_id)
if earlier then
    return earlier
end

local seats, refusal = loaded_seats(csv)
if not seats then
    return refusal
end
local freed = {}
for _, i in ipairs(seats) do
    if state_of(i) == 'S' and redis.call('HGET', K_OWNER, i) == order_id then
        set_seat(i, '.', nil)
        freed[#freed + 1] = i
    end
end
reindex_touched()
if #freed > 0 then
    buyer_add(buyer, -#freed)
    feed('REFUNDED', freed, '.', order_id, now)
end
return remember_reply(call_id, { 'OK', table.concat(freed, ',') })
