-- Joins a buyer to the waiting room: one entry per buyer. A buyer whose entry is still live (in
-- the lobby, waiting or admitted) gets it back when the call carries the same client key hash, and
-- is refused otherwise; a buyer whose entry ended (bought, or admission ran out) joins anew at the
-- end of the line.
-- ARGV: now, opensAt, queueId, buyer, keyHash ('' for none), lobbyKey (random, in [0,1))
-- Reply: as entry_reply | ERR ALREADY_QUEUED | ERR SOLD_OUT
-- Safe to run twice: the same queue id sent again is answered from its entry.
local now, opens_at, queue_id, buyer, key_hash, lobby_key =
      tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]

set_opening(opens_at)
local sealed = sealed_size(now)

local earlier_id = redis.call('HGET', K_BUYERS, buyer)
if earlier_id then
    local earlier = parse(redis.call('HGET', K_ENTRIES, earlier_id))
    local state = state_of(earlier, now, false)
    if earlier_id == queue_id or (state ~= 'DONE' and state ~= 'EXPIRED') then
        if earlier_id ~= queue_id and (key_hash == '' or earlier.key_hash ~= key_hash) then
            return err('ALREADY_QUEUED')
        end
        find_place(earlier_id, earlier, sealed)
        return entry_reply(earlier_id, earlier, now, true)
    end
end

if sold_out() then
    return err('SOLD_OUT')
end

local e = { number = 0, admitted_until = 0, done = false, key_hash = key_hash, buyer = buyer }
if sealed then
    e.number = sealed + redis.call('HINCRBY', K_QMETA, 'arrivals', 1)
    redis.call('ZADD', K_LINE, e.number, queue_id)
else
    redis.call('ZADD', K_LINE, lobby_key, queue_id)
end
save(queue_id, e)
redis.call('HSET', K_BUYERS, buyer, queue_id)
return entry_reply(queue_id, e, now, false)
