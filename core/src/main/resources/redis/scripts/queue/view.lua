-- What every waiting buyer's position is derived from: one read a server broadcasts to all its
-- watchers of the performance. Reads only.
-- ARGV: now
-- Reply: OK, served, sealed lobby size ('' before the sale opened), entries in line, measured rate,
--        sold out (1/0), opens at, stalled (1/0)
local m = redis.call('HMGET', K_QMETA, 'served', 'sealed', 'rate', 'opensAt', 'stalled')
return { 'OK', m[1] or '0', m[2] or '', tostring(redis.call('ZCARD', K_LINE)), m[3] or '0',
         sold_out() and '1' or '0', m[4] or '0', m[5] or '0' }
