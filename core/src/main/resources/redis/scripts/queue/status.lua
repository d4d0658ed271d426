-- Where an entry stands. Seals the lobby when the sale has opened and finds a lobby member's place.
-- ARGV: now, queueId
-- Reply: as entry_reply | ERR UNKNOWN_QUEUE_ENTRY
local now, queue_id = tonumber(ARGV[1]), ARGV[2]

local e = parse(redis.call('HGET', K_ENTRIES, queue_id))
if not e then
    return err('UNKNOWN_QUEUE_ENTRY', queue_id)
end
find_place(queue_id, e, sealed_size(now))
return entry_reply(queue_id, e, now, true)
