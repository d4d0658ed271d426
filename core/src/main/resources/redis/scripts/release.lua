-- Gives a hold's seats back.
-- ARGV: now, holdId, tokenHash
-- Safe to run twice: releasing a released or expired hold changes nothing and says so.
local now, hold_id, token_hash = tonumber(ARGV[1]), ARGV[2], ARGV[3]

local missing = require_loaded()
if missing then
    return missing
end
local hold = load_hold(hold_id)
if not hold then
    return err('UNKNOWN_HOLD', hold_id)
end
if not token_ok(hold, token_hash) then
    return err('WRONG_TOKEN', hold_id)
end
if hold.status == 'CONFIRMED' then
    return err('HOLD_CONFIRMED', hold.orderId)
end
if hold.status == 'HELD' then
    release_seats(hold, 'RELEASED', now)
    end_hold(hold, 'RELEASED', now)
end
return hold_reply(hold)
