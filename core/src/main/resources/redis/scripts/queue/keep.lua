-- Keeps an admitted buyer's admission open at least until a time (a hold must be payable to its
-- end) and records whether they hold seats: admission counts buyers without seats against the seats
-- still free.
-- ARGV: now, queueId, until (ms), holding (1/0)
-- Reply: OK, admitted until | ERR UNKNOWN_QUEUE_ENTRY | NOT_ADMITTED | ADMISSION_EXPIRED | ADMISSION_FINISHED
-- Safe to run twice: the admission end only moves later.
local now, queue_id, keep_until, holding = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), ARGV[4] == '1'

local e = parse(redis.call('HGET', K_ENTRIES, queue_id))
if not e then
    return err('UNKNOWN_QUEUE_ENTRY', queue_id)
end
if e.done then
    return err('ADMISSION_FINISHED', queue_id)
end
if e.admitted_until == 0 then
    return err('NOT_ADMITTED', queue_id)
end
if e.admitted_until <= now then
    return err('ADMISSION_EXPIRED', queue_id)
end
if keep_until > e.admitted_until then
    e.admitted_until = keep_until
    save(queue_id, e)
end
redis.call('ZREM', holding and K_ADMITTED or K_HOLDING, queue_id)
redis.call('ZADD', holding and K_HOLDING or K_ADMITTED, e.admitted_until, queue_id)
return { 'OK', tostring(e.admitted_until) }
