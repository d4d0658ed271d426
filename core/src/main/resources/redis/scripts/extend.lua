-- Extends a live hold by its channel's hold time, counted from now.
-- ARGV: now, holdId, tokenHash, maxExtensions, hold time (ms) for BOX_OFFICE, KIOSK, ONLINE, jitter (ms),
--       extension id (new for every call)
-- Safe to run twice: an extension id the hold has already applied is answered as is.
local now, hold_id, token_hash, max_ext = tonumber(ARGV[1]), ARGV[2], ARGV[3], tonumber(ARGV[4])
local ttl = { BOX_OFFICE = tonumber(ARGV[5]), KIOSK = tonumber(ARGV[6]), ONLINE = tonumber(ARGV[7]) }
local jitter, extension_id = tonumber(ARGV[8]), ARGV[9]

local hold, refusal = callers_hold(hold_id, token_hash)
if not hold then
    return refusal
end
if hold.status ~= 'HELD' then
    return err('HOLD_ENDED', hold.status)
end
if hold.lastExtension == extension_id then
    return hold_reply(hold)
end
if hold.expiresAt <= now then
    return err('HOLD_EXPIRED', '')
end
if hold.extensions >= max_ext then
    return err('EXTENSION_LIMIT', tostring(max_ext))
end
hold.expiresAt = math.max(hold.expiresAt, now + ttl[hold.channel] + jitter)
hold.extensions = hold.extensions + 1
hold.lastExtension = extension_id
save_hold(hold)
redis.call('ZADD', K_EXPIRY, hold.expiresAt, hold_id)
return hold_reply(hold)
