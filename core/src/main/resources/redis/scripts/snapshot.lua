-- The whole seat state in one consistent read, with the id of the last change it includes.
-- ARGV: (none)
-- Reply: state string, last feed id ('0-0' when none), counts as a flat field/value list
local missing = require_loaded()
if missing then
    return missing
end
local last = redis.call('XREVRANGE', K_FEED, '+', '-', 'COUNT', 1)
local last_id = '0-0'
if #last > 0 then
    last_id = last[1][1]
end
return { redis.call('GET', K_STATE), last_id, redis.call('HGETALL', K_COUNTS) }
