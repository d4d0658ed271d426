-- One round of admission: lets the next places through, no faster than the rate and never more
-- buyers than the seats left can serve. Buyers admitted whose time ran out free their slot first.
-- Every server may run rounds at any moment: the rate's bucket and the count of places let through
-- live here, so together they still admit at the rate.
-- ARGV: now, opensAt, rate (admissions a second), burst (most admissions saved up), admission time
--       (ms), most admissions this round
-- Reply: OK, admitted now, served, still waiting, admitted without seats, admitted holding seats,
--        seats free, admissions that ran out, measured rate, sold out (1/0), sealed (1/0), stalled (1/0)
-- Safe to run twice: a repeated round admits only what the bucket has gained since the last.
local now, opens_at, rate, burst, admission_ms, most =
      tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])

set_opening(opens_at)
local sealed = sealed_size(now)
if not sealed then
    return { 'OK', '0', '0', tostring(redis.call('ZCARD', K_LINE)), '0', '0', '0', '0', '0', '0', '0', '0' }
end

local ran_out = redis.call('ZREMRANGEBYSCORE', K_ADMITTED, '-inf', now)
        + redis.call('ZREMRANGEBYSCORE', K_HOLDING, '-inf', now)

local m = redis.call('HMGET', K_QMETA, 'served', 'arrivals', 'tokens', 'tickAt', 'rate', 'opensAt')
local served, arrivals = tonumber(m[1] or '0'), tonumber(m[2] or '0')
local tick_at = tonumber(m[4] or m[6] or now)
local tokens, measured = tonumber(m[3] or '0'), tonumber(m[5] or '0')
local waiting = sealed + arrivals - served
local elapsed = math.max(0, now - tick_at)
tokens = math.min(burst, tokens + elapsed * rate / 1000)

local free = 0
if redis.call('HEXISTS', K_SEATMETA, 'seats') == 1 then
    free = tonumber(redis.call('HGET', K_COUNTS, '.') or '0')
end
local without_seats = redis.call('ZCARD', K_ADMITTED)
local n = math.min(math.floor(tokens), waiting, free - without_seats, most)
if n < 0 then
    n = 0
end
if n > 0 then
    local admitted_until = now + admission_ms
    local ids = redis.call('ZRANGE', K_LINE, served, served + n - 1)
    for i, queue_id in ipairs(ids) do
        local e = parse(redis.call('HGET', K_ENTRIES, queue_id))
        e.number = served + i
        e.admitted_until = admitted_until
        save(queue_id, e)
        redis.call('ZADD', K_ADMITTED, admitted_until, queue_id)
    end
    served = served + n
    tokens = tokens - n
end
-- the rate as measured, smoothed over about ten seconds; only while buyers wait, so a quiet spell
-- with nobody in line does not make the next buyer's estimate look endless
if waiting > 0 and elapsed > 0 then
    local weight = 1 - math.exp(-elapsed / 10000)
    measured = measured + weight * (n * 1000 / elapsed - measured)
end
-- stalled: buyers wait, but every free seat is spoken for by buyers already let through
local stalled = (waiting > 0 and free - without_seats <= 0) and '1' or '0'
redis.call('HSET', K_QMETA, 'served', served, 'tokens', tostring(tokens), 'tickAt', now, 'rate', tostring(measured),
    'stalled', stalled)
return { 'OK', tostring(n), tostring(served), tostring(waiting - n), tostring(without_seats + n),
         tostring(redis.call('ZCARD', K_HOLDING)), tostring(free), tostring(ran_out), tostring(measured),
         sold_out() and '1' or '0', '1', stalled }
