-- Records a sale a terminal made from its own journal (offline), seat by seat: all or none.
-- ARGV: now, saleId, terminal id, orderId, seats (csv), channel ('' when the terminal did not say)
-- The seats are tallied under the order's channel and terminal (UNKNOWN channel when not given).
-- A seat may be sold when it is free, or allocated to this very terminal. Any other seat is a
-- conflict: nothing is applied and the reply lists each conflicting seat with its state.
-- Idempotent on the sale id: a sale applied before answers with the order it was applied under.
-- A load forgets the applied sales, but not the seats: a sale whose seats are all sold under its
-- own order was applied before the load, so it is recorded again and answered with that order.
-- The work is journal_sell in lib.lua, which sell_many.lua runs for many sales in one call.
-- Reply: OK, orderId, seats (those sold by this call) | ERR, CONFLICT, "seat:state,..." | ERR, code, detail
local now, sale_id, terminal, order_id, csv = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local channel = ARGV[6] or ''

local missing = require_loaded()
if missing then
    return missing
end
local reply = journal_sell(now, sale_id, terminal, order_id, csv, channel)
reindex_touched()
return reply
