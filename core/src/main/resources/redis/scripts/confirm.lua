-- Turns a hold into a sale: its seats go from HELD to SOLD under the given order id.
-- ARGV: now, holdId, tokenHash, orderId, per-buyer limit (applies outside the box office; 0: none)
-- Idempotent on the hold id: confirming a confirmed hold answers with the order it was sold under.
-- A hold that expired is still confirmed when all its seats are free again (payment outran the
-- sweep by a little); when any was taken since, the confirm fails naming those seats.
local now, hold_id, token_hash, order_id, limit =
    tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])

local hold, refusal = callers_hold(hold_id, token_hash)
if not hold then
    return refusal
end
if hold.status == 'CONFIRMED' then
    return hold_reply(hold)
end
if hold.status == 'RELEASED' then
    return err('HOLD_ENDED', 'RELEASED')
end
if hold.status == 'EXPIRED' then
    local taken = {}
    for j, i in ipairs(hold.seats) do
        if not free_for(i, hold.prev[j] == 'A' and hold.terminal or '') then
            taken[#taken + 1] = i
        end
    end
    if #taken > 0 then
        return err('HOLD_EXPIRED', table.concat(taken, ','))
    end
    if limit > 0 and hold.buyer ~= '' and hold.channel ~= 'BOX_OFFICE' then
        local already = tonumber(redis.call('HGET', K_BUYERS, hold.buyer) or '0')
        if already + #hold.seats > limit then
            return err('LIMIT_EXCEEDED', tostring(limit - already))
        end
    end
    buyer_add(hold.buyer, #hold.seats)
    redis.call('ZREM', K_ENDED, hold_id)
end
claim_origin(order_id, hold.channel, hold.terminal)
for _, i in ipairs(hold.seats) do
    set_seat(i, 'S', order_id)
end
reindex_touched()
hold.status = 'CONFIRMED'
hold.orderId = order_id
hold.endedAt = now
save_hold(hold)
redis.call('ZREM', K_EXPIRY, hold_id)
redis.call('ZADD', K_ENDED, now, hold_id)
feed('SOLD', hold.seats, 'S', order_id, now)
return hold_reply(hold)
