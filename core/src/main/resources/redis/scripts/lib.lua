-- Shared by every seat script. Each script file is appended to this library and loaded as one
-- script, so all of them see the same keys and helpers.
--
-- KEYS (identical for every script; all carry the performance's hash tag {perf:<id>}):
--   1 meta     hash    seats, maxGroup, loadedAt; loadId and loadReply of the last load (a load
--                      sent again is answered from them)
--   2 state    string  one byte per seat: '.' available 'H' held 'S' sold 'B' blocked 'A' allocated
--   3 owner    hash    seat index -> hold id (H), order id (S), reason (B), terminal id (A)
--   4 flags    string  one byte per seat: 'W' wheelchair space, 'C' companion seat, '.' other
--   5 seatblk  string  three characters per seat: index of the seat's block, base 64 with digits
--                      '0' (48) to 'o' (111), most significant first
--   6 blocks   hash    block index -> "start len category rank sweet" (start is a 0-based seat index)
--   7 runs     zset    all scores 0, ordered by member: "<cat>|<kk>|<rank>|<block>" (numbers zero-padded) for every k up to
--                      the block's longest run of free seats, for its category and for '*';
--                      "<cat>|W|<rank>|<block>" for blocks holding wheelchair spaces
--   8 maxrun   hash    block index -> longest run of free seats (capped at maxGroup)
--   9 holds    hash    hold id -> JSON record
--  10 expiry   zset    hold id -> expiry time (ms) of live holds
--  11 ended    zset    hold id -> time (ms) the hold ended; records are purged after a retention
--  12 buyers   hash    buyer -> seats held or bought
--  13 feed     stream  every seat change, in order: type, seats (indexes), states (one code a
--                      seat), ref (hold, order, reason or terminal), at
--  14 sales    hash    terminal sale id -> order id, for sales applied from a terminal's journal;
--                      'call:<id>' -> reply of an assign or refund call, so a re-sent call
--                      is answered as the first was; 'order:<order id>' -> "<channel>@<terminal>"
--                      the order's seats are tallied under (see the sales tally below)
--  15 counts   hash    seats per state ('.', 'H', 'S', 'B', 'A'), free seats per category ("free:<cat>")
--                      and sold seats per channel and terminal ("sold@<channel>@<terminal or ->")

local K_META, K_STATE, K_OWNER, K_FLAGS, K_SEATBLK, K_BLOCKS, K_RUNS, K_MAXRUN,
      K_HOLDS, K_EXPIRY, K_ENDED, K_BUYERS, K_FEED, K_SALES, K_COUNTS =
      KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8],
      KEYS[9], KEYS[10], KEYS[11], KEYS[12], KEYS[13], KEYS[14], KEYS[15]

local FEED_MAXLEN = 200000

local function err(code, detail)
    return { 'ERR', code, detail or '' }
end

local function split(csv)
    local out = {}
    if csv == nil or csv == '' then
        return out
    end
    for part in string.gmatch(csv, '[^,]+') do
        out[#out + 1] = part
    end
    return out
end

-- The performance's fixed facts, read once per script call by require_loaded (one round trip
-- instead of one per fact: on a sold-out refusal, calls into Redis are most of the cost).
local META = nil

local function load_meta()
    local m = redis.call('HMGET', K_META, 'seats', 'maxGroup')
    if not m[1] then
        return nil
    end
    META = { seats = tonumber(m[1]), maxGroup = tonumber(m[2]) }
    return META
end

local function seat_count()
    return META.seats
end

-- Parses a list of seat indexes; nil and an error reply when one is out of range or repeated.
local function parse_seats(csv, n)
    local seats, seen = {}, {}
    for _, s in ipairs(split(csv)) do
        local i = tonumber(s)
        if i == nil or i < 0 or i >= n or i ~= math.floor(i) then
            return nil, err('UNKNOWN_SEAT', s)
        end
        if seen[i] then
            return nil, err('INVALID_REQUEST', 'seat ' .. s .. ' is listed twice')
        end
        seen[i] = true
        seats[#seats + 1] = i
    end
    if #seats == 0 then
        return nil, err('INVALID_REQUEST', 'no seats given')
    end
    return seats
end

local function state_of(i)
    return redis.call('GETRANGE', K_STATE, i, i)
end

local function block_of(i)
    local b = redis.call('GETRANGE', K_SEATBLK, i * 3, i * 3 + 2)
    local b1, b2, b3 = string.byte(b, 1, 3)
    return (b1 - 48) * 4096 + (b2 - 48) * 64 + (b3 - 48)
end

local block_cache = {}
local function block_info(b)
    local info = block_cache[b]
    if info == nil then
        local raw = redis.call('HGET', K_BLOCKS, b)
        local start, len, cat, rank, sweet = string.match(raw, '(%d+) (%d+) (%S+) (%d+) (%d+)')
        info = { start = tonumber(start), len = tonumber(len), cat = cat, rank = tonumber(rank),
                 sweet = tonumber(sweet) }
        block_cache[b] = info
    end
    return info
end

-- Sales tally: sold seats per channel and terminal, for a manager's screen.
-- The tally lives in 'counts' beside the per-state counts, as "sold@<channel>@<terminal>" ('-' for
-- no terminal): snapshot.lua returns that hash whole, so the tally comes in the same consistent read
-- as the seats and their per-state counts, and no key is added to the fixed set (ADR 0002). A field
-- that drops to zero is removed, as a buyer's count is.
-- A seat's owner is its order, not who sold it, so each order remembers in 'sales', under
-- "order:<order id>", the "<channel>@<terminal>" its seats are tallied under. It is written once,
-- when the order first sells a seat, and never changed: every later seat of the order (and every
-- refund) uses the same tally, so what a sale adds a refund takes off exactly. A load records its
-- sold orders under UNKNOWN (durable seats do not say who sold them).
-- set_seat keeps the tally in step with every move into or out of 'S', so the tally follows the
-- very paths (and the very repeat checks) that move seats: their sum is always the 'S' count.
local UNKNOWN_ORIGIN = 'UNKNOWN@-'
local origin_cache = {}

local function origin_field(order_id)
    return 'order:' .. order_id
end

local function origin_of(order_id)
    if order_id == nil or order_id == false or order_id == '' then
        return UNKNOWN_ORIGIN
    end
    local origin = origin_cache[order_id]
    if origin == nil then
        origin = redis.call('HGET', K_SALES, origin_field(order_id)) or UNKNOWN_ORIGIN
        origin_cache[order_id] = origin
    end
    return origin
end

-- Makes sure an order has a tally to count its seats under before they are sold: the one it has,
-- or the given channel and terminal ('' channel: UNKNOWN, '' terminal: '-').
local function claim_origin(order_id, channel, terminal)
    if order_id == nil or order_id == '' then
        return
    end
    if redis.call('HEXISTS', K_SALES, origin_field(order_id)) == 1 then
        return
    end
    local origin = ((channel == nil or channel == '') and 'UNKNOWN' or channel) .. '@'
        .. ((terminal == nil or terminal == '') and '-' or terminal)
    redis.call('HSET', K_SALES, origin_field(order_id), origin)
    origin_cache[order_id] = origin
end

-- Changes to 'counts' are summed per field while a script moves seats and written once, by
-- flush_counts (reindex_touched calls it), so a call that sells a thousand seats sends a handful of
-- HINCRBYs instead of four per seat. Nothing reads 'counts' between the moves and the flush: the
-- scripts that move seats never look at it, and a script runs alone.
local pending_counts = {}

local function count_add(field, n)
    pending_counts[field] = (pending_counts[field] or 0) + n
end

local function flush_counts()
    for field, n in pairs(pending_counts) do
        if n ~= 0 then
            local now_count = redis.call('HINCRBY', K_COUNTS, field, n)
            if now_count == 0 and string.sub(field, 1, 5) == 'sold@' then
                redis.call('HDEL', K_COUNTS, field)
            end
        end
    end
    pending_counts = {}
end

local function tally_add(origin, n)
    count_add('sold@' .. origin, n)
end

local touched_blocks = {}

-- Moves one seat to a new state and keeps owner and sales origin in step; its counts and the run
-- index follow when the script calls reindex_touched.
local function set_seat(i, new_state, owner)
    local old = state_of(i)
    if old == 'S' then
        tally_add(origin_of(redis.call('HGET', K_OWNER, i)), -1)
    end
    if new_state == 'S' then
        tally_add(origin_of(owner), 1)
    end
    redis.call('SETRANGE', K_STATE, i, new_state)
    if owner == nil or owner == '' then
        redis.call('HDEL', K_OWNER, i)
    else
        redis.call('HSET', K_OWNER, i, owner)
    end
    if old ~= new_state then
        count_add(old, -1)
        count_add(new_state, 1)
        local b = block_of(i)
        if old == '.' or new_state == '.' then
            local cat = block_info(b).cat
            count_add('free:' .. cat, new_state == '.' and 1 or -1)
            touched_blocks[b] = true
        end
    end
end

local function pad(n, width)
    return string.format('%0' .. width .. 'd', n)
end

-- The block number is padded too, so blocks of equal rank are taken in block order.
local function run_member(cat, k, rank, b)
    return cat .. '|' .. pad(k, 2) .. '|' .. pad(rank, 10) .. '|' .. pad(b, 6)
end

-- Longest stretch of free seats (wheelchair spaces excluded: they are only sold on request).
local function longest_run(info, cap)
    local st = redis.call('GETRANGE', K_STATE, info.start, info.start + info.len - 1)
    local fl = redis.call('GETRANGE', K_FLAGS, info.start, info.start + info.len - 1)
    local best = 0
    if not string.find(fl, 'W', 1, true) then
        -- the common case: runs of '.' found by the pattern matcher, not seat by seat
        for run in string.gmatch(st, '%.+') do
            if #run > best then
                best = #run
                if best >= cap then
                    return cap
                end
            end
        end
        return best
    end
    local cur = 0
    for j = 1, info.len do
        if string.byte(st, j) == 46 and string.byte(fl, j) ~= 87 then -- '.' and not 'W'
            cur = cur + 1
            if cur > best then
                best = cur
            end
        else
            cur = 0
        end
    end
    if best > cap then
        best = cap
    end
    return best
end

local function reindex_block(b, cap)
    local info = block_info(b)
    local old = tonumber(redis.call('HGET', K_MAXRUN, b) or '0')
    local new = longest_run(info, cap)
    if new == old then
        return
    end
    redis.call('HSET', K_MAXRUN, b, new)
    if new > old then
        for k = old + 1, new do
            redis.call('ZADD', K_RUNS, 0, run_member(info.cat, k, info.rank, b), 0, run_member('*', k, info.rank, b))
        end
    else
        for k = new + 1, old do
            redis.call('ZREM', K_RUNS, run_member(info.cat, k, info.rank, b), run_member('*', k, info.rank, b))
        end
    end
end

-- Brings the run index and the counts up to date with the seats moved since the last call.
local function reindex_touched()
    flush_counts()
    local cap = META.maxGroup
    for b, _ in pairs(touched_blocks) do
        reindex_block(b, cap)
    end
    touched_blocks = {}
end

-- Appends a change to the feed. 'states' holds the new state of each seat, one code per seat in
-- the order of 'seats' (a single code stands for all of them), so a reader can apply the entry to
-- its copy of the state string without asking anything else.
local function feed(kind, seats, states, ref, now)
    if #states == 1 and #seats > 1 then
        states = string.rep(states, #seats)
    end
    redis.call('XADD', K_FEED, 'MAXLEN', '~', FEED_MAXLEN, '*',
        'type', kind, 'seats', table.concat(seats, ','), 'states', states, 'ref', ref or '', 'at', now)
end

local function load_hold(hold_id)
    local raw = redis.call('HGET', K_HOLDS, hold_id)
    if not raw then
        return nil
    end
    return cjson.decode(raw)
end

local function save_hold(hold)
    redis.call('HSET', K_HOLDS, hold.id, cjson.encode(hold))
end

local function end_hold(hold, status, now)
    hold.status = status
    hold.endedAt = now
    save_hold(hold)
    redis.call('ZREM', K_EXPIRY, hold.id)
    redis.call('ZADD', K_ENDED, now, hold.id)
end

local function buyer_add(buyer, n)
    if buyer ~= nil and buyer ~= '' then
        local left = redis.call('HINCRBY', K_BUYERS, buyer, n)
        if left <= 0 then
            redis.call('HDEL', K_BUYERS, buyer)
        end
    end
end

-- Gives a held hold's seats back to what they were before it (free, or allocated to a terminal).
local function release_seats(hold, kind, now)
    local freed, states = {}, {}
    for j, i in ipairs(hold.seats) do
        if state_of(i) == 'H' and redis.call('HGET', K_OWNER, i) == hold.id then
            local prev = hold.prev[j]
            if prev == 'A' then
                set_seat(i, 'A', hold.terminal)
            else
                set_seat(i, '.', nil)
            end
            freed[#freed + 1] = i
            states[#states + 1] = prev == 'A' and 'A' or '.'
        end
    end
    buyer_add(hold.buyer, -#hold.seats)
    reindex_touched()
    if #freed > 0 then
        feed(kind, freed, table.concat(states), hold.id, now)
    end
    return freed
end

local function token_ok(hold, token_hash)
    return hold.token == token_hash
end

local function hold_reply(hold)
    return { 'OK', hold.id, tostring(hold.expiresAt), table.concat(hold.seats, ','), hold.status,
             hold.orderId or '' }
end

-- The reply an assign or refund call with this id already got, if any: a call re-sent after a
-- dropped connection is answered as the first run was, even if the seats have changed since.
local function earlier_reply(call_id)
    if call_id == nil or call_id == '' then
        return nil
    end
    local raw = redis.call('HGET', K_SALES, 'call:' .. call_id)
    return raw and cjson.decode(raw) or nil
end

local function remember_reply(call_id, reply)
    if call_id ~= nil and call_id ~= '' then
        redis.call('HSET', K_SALES, 'call:' .. call_id, cjson.encode(reply))
    end
    return reply
end

local function require_loaded()
    if not load_meta() then
        return err('UNKNOWN_PERFORMANCE', 'seats of this performance are not loaded')
    end
    return nil
end

-- The hold a call names, if the caller holds its token; else nil and the error reply.
local function callers_hold(hold_id, token_hash)
    local missing = require_loaded()
    if missing then
        return nil, missing
    end
    local hold = load_hold(hold_id)
    if not hold then
        return nil, err('UNKNOWN_HOLD', hold_id)
    end
    if not token_ok(hold, token_hash) then
        return nil, err('WRONG_TOKEN', hold_id)
    end
    return hold
end

-- The seats a call lists, once the performance is known to be loaded; else nil and the error reply.
local function loaded_seats(csv)
    local missing = require_loaded()
    if missing then
        return nil, missing
    end
    return parse_seats(csv, seat_count())
end

-- Whether a terminal ('' for none) may take the seat: it is free, or allocated to that terminal.
local function free_for(i, terminal)
    local s = state_of(i)
    return s == '.' or (s == 'A' and terminal ~= '' and redis.call('HGET', K_OWNER, i) == terminal)
end

-- Records a sale a terminal made from its own journal, once the performance is known to be loaded
-- (require_loaded): sell.lua runs it for one sale, sell_many.lua for many in turn, so a sale is
-- answered alike whichever way it comes. The run index is left to the caller (reindex_touched), so
-- a block touched by many sales of one call is reindexed once.
-- Reply: OK, orderId, seats (those sold by this call) | ERR, CONFLICT, "seat:state,..." | ERR, code, detail
local function journal_sell(now, sale_id, terminal, order_id, csv, channel)
    local seats, refusal = parse_seats(csv, seat_count())
    if not seats then
        return refusal
    end
    local applied = redis.call('HGET', K_SALES, sale_id)
    if applied then
        return { 'OK', applied, '' }
    end
    local conflicts, own = {}, 0
    for _, i in ipairs(seats) do
        if not free_for(i, terminal) then
            local s = state_of(i)
            conflicts[#conflicts + 1] = i .. ':' .. s
            if s == 'S' and order_id ~= '' and redis.call('HGET', K_OWNER, i) == order_id then
                own = own + 1
            end
        end
    end
    if own == #seats then
        redis.call('HSET', K_SALES, sale_id, order_id)
        return { 'OK', order_id, '' }
    end
    if #conflicts > 0 then
        return err('CONFLICT', table.concat(conflicts, ','))
    end
    claim_origin(order_id, channel, terminal)
    for _, i in ipairs(seats) do
        set_seat(i, 'S', order_id)
    end
    redis.call('HSET', K_SALES, sale_id, order_id)
    feed('SOLD', seats, 'S', order_id, now)
    return { 'OK', order_id, table.concat(seats, ',') }
end
