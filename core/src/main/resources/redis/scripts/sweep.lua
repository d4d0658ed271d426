-- Releases holds that are past due and still held, and forgets ended holds after a retention.
-- ARGV: now, max holds to look at, retention (ms) of ended hold records
-- Reply: expired count, purged count, next expiry (ms) or -1
-- Safe to run twice and from several processes at once: a hold is only released while its record
-- says HELD and its expiry has passed, which a confirm or an extension changes atomically.
local now, max, retention = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])

if not load_meta() then
    return { 0, 0, -1 }
end
local expired = 0
local due = redis.call('ZRANGEBYSCORE', K_EXPIRY, '-inf', now, 'LIMIT', 0, max)
for _, hold_id in ipairs(due) do
    local hold = load_hold(hold_id)
    if hold and hold.status == 'HELD' and hold.expiresAt <= now then
        release_seats(hold, 'EXPIRED', now)
        end_hold(hold, 'EXPIRED', now)
        expired = expired + 1
    elseif not hold or hold.status ~= 'HELD' then
        redis.call('ZREM', K_EXPIRY, hold_id)
    end
end
local purged = 0
local old = redis.call('ZRANGEBYSCORE', K_ENDED, '-inf', now - retention, 'LIMIT', 0, max)
for _, hold_id in ipairs(old) do
    redis.call('HDEL', K_HOLDS, hold_id)
    redis.call('ZREM', K_ENDED, hold_id)
    purged = purged + 1
end
local next_due = redis.call('ZRANGE', K_EXPIRY, 0, 0, 'WITHSCORES')
local next_at = -1
if #next_due == 2 then
    next_at = tonumber(next_due[2])
end
return { expired, purged, next_at }
