-- Shared by the waiting-room scripts. Each script file is appended to this library and loaded as
-- one script.
--
-- A performance's waiting room is a line of numbered places. Buyers who join before the sale opens
-- wait in a lobby, each under a random key; when the sale opens the lobby is sealed and its members'
-- places are the order of those keys, so arriving early gives no advantage. Later arrivals take the
-- next number. Admission lets places through in number order: 'served' counts the places let
-- through, so a waiting buyer's position is their number less 'served', one shared value.
--
-- KEYS (all carry the performance's hash tag {perf:<id>}, so each script touches one slot):
--   1 q:meta     hash  opensAt; sealed (lobby size, once the sale opened); arrivals (joined since);
--                      served (places let through); tokens, tickAt (the admission rate's bucket);
--                      rate (admissions a second, as measured); stalled (1 while buyers wait but
--                      every free seat is spoken for by buyers already let through)
--   2 q:line     zset  queue id -> place key: a random number in [0,1) for lobby members, the place
--                      number (> the lobby size) for later arrivals; once sealed, rank + 1 is the
--                      place number of every entry. Entries are never removed, so ranks never move
--   3 q:entries  hash  queue id -> "number|admittedUntil|done|keyHash|buyer" (number 0: lobby
--                      member whose place is not looked up yet; admittedUntil 0: not admitted)
--   4 q:buyers   hash  buyer -> queue id of the buyer's latest entry
--   5 q:admitted zset  queue id -> admission end (ms): admitted buyers holding no seats
--   6 q:holding  zset  queue id -> admission end (ms): admitted buyers holding seats
--   7 meta       hash  the performance's seat meta ('seats' is there once its seats are loaded)
--   8 counts     hash  the performance's seat counts ('.' available, 'H' held)

local K_QMETA, K_LINE, K_ENTRIES, K_BUYERS, K_ADMITTED, K_HOLDING, K_SEATMETA, K_COUNTS =
      KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]

local function err(code, detail)
    return { 'ERR', code, detail or '' }
end

local function parse(record)
    if not record then
        return nil
    end
    local number, admitted_until, done, key_hash, buyer = string.match(record, '^(%d+)|(%d+)|([01])|([^|]*)|(.*)$')
    return { number = tonumber(number), admitted_until = tonumber(admitted_until), done = done == '1',
             key_hash = key_hash, buyer = buyer }
end

local function save(queue_id, e)
    redis.call('HSET', K_ENTRIES, queue_id,
        string.format('%d|%d|%s|%s|%s', e.number, e.admitted_until, e.done and '1' or '0', e.key_hash, e.buyer))
end

-- Records when the sale opens, until the lobby is sealed (then places are fixed).
local function set_opening(opens_at)
    if redis.call('HEXISTS', K_QMETA, 'sealed') == 0 then
        redis.call('HSET', K_QMETA, 'opensAt', opens_at)
    end
end

-- The lobby's size once the sale has opened (sealing it the first time), or nil before.
local function sealed_size(now)
    local sealed = redis.call('HGET', K_QMETA, 'sealed')
    if sealed then
        return tonumber(sealed)
    end
    local opens_at = tonumber(redis.call('HGET', K_QMETA, 'opensAt') or '0')
    if now < opens_at then
        return nil
    end
    local n = redis.call('ZCARD', K_LINE)
    redis.call('HSET', K_QMETA, 'sealed', n)
    return n
end

-- Fills in a lobby member's place number once the lobby is sealed.
local function find_place(queue_id, e, sealed)
    if e.number == 0 and sealed then
        e.number = redis.call('ZRANK', K_LINE, queue_id) + 1
        save(queue_id, e)
    end
end

-- Nothing left that a buyer could still get: no seat free and none held that could come back.
local function sold_out()
    if redis.call('HEXISTS', K_SEATMETA, 'seats') == 0 then
        return false
    end
    local c = redis.call('HMGET', K_COUNTS, '.', 'H')
    return tonumber(c[1] or '0') == 0 and tonumber(c[2] or '0') == 0
end

local function state_of(e, now, sold)
    if e.done then
        return 'DONE'
    end
    if e.admitted_until > 0 then
        return e.admitted_until > now and 'ADMITTED' or 'EXPIRED'
    end
    if sold then
        return 'SOLD_OUT'
    end
    return e.number == 0 and 'LOBBY' or 'WAITING'
end

-- OK, queue id, state, number, served, admitted until, opens at, measured rate, buyer, lobby size
-- ('' before sealed), whether the entry existed before this call, and whether admission is stalled.
local function entry_reply(queue_id, e, now, existed)
    local m = redis.call('HMGET', K_QMETA, 'served', 'opensAt', 'rate', 'sealed', 'stalled')
    return { 'OK', queue_id, state_of(e, now, sold_out()), tostring(e.number), m[1] or '0',
             tostring(e.admitted_until), m[2] or '0', m[3] or '0', e.buyer, m[4] or '', existed and '1' or '0',
             m[5] or '0' }
end
