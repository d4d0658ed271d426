-- Records many sales terminals made from their journals, one performance, in one call: each sale
-- exactly as sell.lua would record it on its own (all its seats or none, idempotent on its sale id),
-- in the order given, each seeing the seats as the sales before it left them.
-- ARGV: now, sales: a JSON array with one array per sale of
--       [saleId, terminal id, orderId, seats (csv), channel ('' when the terminal did not say)]
-- Reply: one reply per sale, in order, each what sell.lua would have answered for it.
local now, sales = tonumber(ARGV[1]), cjson.decode(ARGV[2])

local missing = require_loaded()
local replies = {}
for k, sale in ipairs(sales) do
    if missing then
        replies[k] = missing
    else
        replies[k] = journal_sell(now, sale[1], sale[2], sale[3], sale[4], sale[5])
    end
end
if not missing then
    reindex_touched()
end
return replies
