-- Records a sale a terminal made from its own journal (offline), seat by seat: all or none.
-- ARGV: now, saleId, terminal id, orderId, seats (csv)
-- A seat may be sold when it is free, or allocated to this very terminal. Any other seat is a
-- conflict: nothing is applied and the reply lists each conflicting seat with its state.
-- Idempotent on the sale id: a sale applied before answers with the order it was applied under.
-- Reply: OK, orderId, seats | ERR, CONFLICT, "seat:state,..." | ERR, code, detail
local now, sale_id, terminal, order_id, csv = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local seats, refusal = loaded_seats(csv)
if not seats then
    return refusal
end
local applied = redis.call('HGET', K_SALES, sale_id)
if applied then
    return { 'OK', applied, '' }
end
local conflicts = {}
for _, i in ipairs(seats) do
    if not free_for(i, terminal) then
        conflicts[#conflicts + 1] = i .. ':' .. state_of(i)
    end
end
if #conflicts > 0 then
    return err('CONFLICT', table.concat(conflicts, ','))
end
for _, i in ipairs(seats) do
    set_seat(i, 'S', order_id)
end
reindex_touched()
redis.call('HSET', K_SALES, sale_id, order_id)
feed('SOLD', seats, 'S', order_id, now)
return { 'OK', order_id, table.concat(seats, ',') }
