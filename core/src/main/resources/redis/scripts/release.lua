-- Gives a hold's seats back.
-- ARGV: now, holdId, tokenHash
-- Safe to run twice: releasing a released or expired hold changes nothing and says so.
local now, hold_id, token_hash = tonumber(ARGV[1]), ARGV[2], ARGV[3]

local hold, refusal = callers_hold(hold_id, token_hash)
if not hold then
    return refusal
end
if hold.status == 'CONFIRMED' then
    return err('HOLD_CONFIRMED', hold.orderId)
end
if hold.status == 'HELD' then
    release_seats(hold, 'RELEASED', now)
    end_hold(hold, 'RELEASED', now)
end
return hold_reply(hold)
