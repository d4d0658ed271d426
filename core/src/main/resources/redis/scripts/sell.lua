-- Records a sale a terminal made from its own journal (offline), seat by seat: all or none.
-- ARGV: now, saleId, terminal id, orderId, seats (csv), channel ('' when the terminal did not say)
-- The seats are tallied under the order's channel and terminal (UNKNOWN channel when not given).
-- A seat may be sold when it is free, or allocated to this very terminal. Any other seat is a
-- conflict: nothing is applied and the reply lists each conflicting seat with its state.
-- Idempotent on the sale id: a sale applied before answers with the order it was applied under.
-- A load forgets the applied sales, but not the seats: a sale whose seats are all sold under its
-- own order was applied before the load, so it is recorded again and answered with that order.
-- Reply: OK, orderId, seats (those sold by this call) | ERR, CONFLICT, "seat:state,..." | ERR, code, detail
local now, sale_id, terminal, order_id, csv = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local channel = ARGV[6] or ''

local seats, refusal = loaded_seats(csv)
if not seats then
    return refusal
end
local applied = redis.call('HGET', K_SALES, sale_id)
if applied then
    return { 'OK', applied, '' }
end
local conflicts, own = {}, 0
for _, i in ipairs(seats) do
    if not free_for(i, terminal) then
        local s = state_of(i)
        conflicts[#conflicts + 1] = i .. ':' .. s
        if s == 'S' and order_id ~= '' and redis.call('HGET', K_OWNER, i) == order_id then
            own = own + 1
        end
    end
end
if own == #seats then
    redis.call('HSET', K_SALES, sale_id, order_id)
    return { 'OK', order_id, '' }
end
if #conflicts > 0 then
    return err('CONFLICT', table.concat(conflicts, ','))
end
claim_origin(order_id, channel, terminal)
for _, i in ipairs(seats) do
    set_seat(i, 'S', order_id)
end
reindex_touched()
redis.call('HSET', K_SALES, sale_id, order_id)
feed('SOLD', seats, 'S', order_id, now)
return { 'OK', order_id, table.concat(seats, ',') }
