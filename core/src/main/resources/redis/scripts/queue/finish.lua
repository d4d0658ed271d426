-- Marks an entry done (the buyer bought): its admission slot goes to the next in line at once.
-- ARGV: now, queueId
-- Reply: OK | ERR UNKNOWN_QUEUE_ENTRY
-- Safe to run twice.
local queue_id = ARGV[2]

local e = parse(redis.call('HGET', K_ENTRIES, queue_id))
if not e then
    return err('UNKNOWN_QUEUE_ENTRY', queue_id)
end
if not e.done then
    e.done = true
    save(queue_id, e)
end
redis.call('ZREM', K_ADMITTED, queue_id)
redis.call('ZREM', K_HOLDING, queue_id)
return { 'OK' }
