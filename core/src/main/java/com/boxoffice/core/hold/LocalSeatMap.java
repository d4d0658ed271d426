package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live state of one performance as {@link LocalHoldStore} keeps it in memory: one state byte
 * and one owner per seat, the hold records, buyer counts, applied journal sales and the counts a
 * seat map shows, the sales tally included. It is only ever changed by {@link #apply(LocalChange)}, after the change has been
 * committed to the database, and only under the performance's lock.
 *
 * <p>Best available must stay fast in a 70,000-seat arena without reading every seat, so each block
 * keeps its longest run of free seats, and the blocks of each category (and of the whole house) sit
 * in rank order in a max segment tree over those runs: finding the next block in rank order that
 * can seat a group of {@code n} costs a walk down the tree, not a scan of the house.
 */
final class LocalSeatMap {

    static final byte FREE = '.';
    static final byte HELD = 'H';
    static final byte SOLD = 'S';
    static final byte BLOCKED = 'B';
    static final byte ALLOCATED = 'A';

    private static final String CODES = ".HSBA";
    /** Blocks best available looks at before it settles for a window that strands a seat, as hold.lua. */
    private static final int CANDIDATE_BLOCKS = 8;

    private record Due(long at, String holdId) {
    }

    private static final Comparator<Due> BY_TIME = Comparator.comparingLong(Due::at).thenComparing(Due::holdId);

    private final PerformanceSeating seating;
    private final SeatLayout layout;
    private final byte[] state;
    private final String[] owner;
    private final long[] stateCounts = new long[CODES.length()];

    private final List<String> categories = new ArrayList<>();
    private final int[] categoryOfBlock;
    private final long[] freeByCategory;

    private final int[] longestRun;
    private final boolean[] dirtyBlock;
    private final List<Integer> dirtyBlocks = new ArrayList<>();
    private final RunIndex allBlocks;
    private final RunIndex[] blocksByCategory;
    private final int[] wheelchairBlocks;

    private final Map<String, LocalHoldRecord> holds = new HashMap<>();
    private final NavigableSet<Due> live = new TreeSet<>(BY_TIME);
    private final NavigableSet<Due> ended = new TreeSet<>(BY_TIME);
    private final Map<String, Integer> buyers = new HashMap<>();
    /**
     * Applied journal sales (sale id -> order id) and, as the Redis store keeps them in its sales hash,
     * each sold order's tally ("order:&lt;order id&gt;" -> "&lt;channel&gt;@&lt;terminal&gt;", see
     * {@link SalesTally}): both are stored in the applied-sales table, so a restart reads them back.
     */
    private final Map<String, String> sales = new HashMap<>();
    /** Sold seats per "&lt;channel&gt;@&lt;terminal&gt;"; kept in step by {@link #setSeat}. */
    private final Map<String, Long> tallies = new HashMap<>();
    private long feedSeq;

    /** Every seat available, no holds. */
    LocalSeatMap(PerformanceSeating seating) {
        this.seating = seating;
        this.layout = seating.layout();
        int n = layout.size();
        this.state = new byte[n];
        Arrays.fill(state, FREE);
        this.owner = new String[n];
        stateCounts[0] = n;

        List<SeatLayout.Block> blocks = layout.blocks();
        int blockCount = blocks.size();
        Map<String, Integer> categoryIndex = new LinkedHashMap<>();
        categoryOfBlock = new int[blockCount];
        for (int b = 0; b < blockCount; b++) {
            categoryOfBlock[b] = categoryIndex.computeIfAbsent(blocks.get(b).category(), c -> {
                categories.add(c);
                return categories.size() - 1;
            });
        }
        freeByCategory = new long[categories.size()];
        for (int b = 0; b < blockCount; b++) {
            freeByCategory[categoryOfBlock[b]] += blocks.get(b).length();
        }

        Integer[] order = new Integer[blockCount];
        for (int b = 0; b < blockCount; b++) {
            order[b] = b;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(b -> blocks.get(b).rank()).thenComparingInt(b -> b));
        List<List<Integer>> perCategory = new ArrayList<>();
        categories.forEach(c -> perCategory.add(new ArrayList<>()));
        List<Integer> wheelchair = new ArrayList<>();
        for (int b : order) {
            perCategory.get(categoryOfBlock[b]).add(b);
            if (hasWheelchairSpace(blocks.get(b))) {
                wheelchair.add(b);
            }
        }
        allBlocks = new RunIndex(Arrays.stream(order).mapToInt(Integer::intValue).toArray(), blockCount);
        blocksByCategory = new RunIndex[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            blocksByCategory[c] = new RunIndex(perCategory.get(c).stream().mapToInt(Integer::intValue).toArray(), blockCount);
        }
        wheelchairBlocks = wheelchair.stream().mapToInt(Integer::intValue).toArray();

        longestRun = new int[blockCount];
        dirtyBlock = new boolean[blockCount];
        for (int b = 0; b < blockCount; b++) {
            markDirty(b);
        }
        reindexDirtyBlocks();
    }

    PerformanceSeating seating() {
        return seating;
    }

    SeatLayout layout() {
        return layout;
    }

    byte state(int seat) {
        return state[seat];
    }

    String owner(int seat) {
        return owner[seat];
    }

    LocalHoldRecord hold(String holdId) {
        return holds.get(holdId);
    }

    boolean hasHold(String holdId) {
        return holds.containsKey(holdId);
    }

    int buyerSeats(String buyer) {
        return buyers.getOrDefault(buyer, 0);
    }

    Map<String, Integer> buyerCounts() {
        return Map.copyOf(buyers);
    }

    String appliedSale(String saleId) {
        return sales.get(saleId);
    }

    /** Every applied-sales entry: journal sales and order tallies. */
    Map<String, String> appliedSales() {
        return Map.copyOf(sales);
    }

    /** The "&lt;channel&gt;@&lt;terminal&gt;" an order's seats are tallied under; unknown when it has none. */
    String origin(String orderId) {
        String origin = recordedOrigin(orderId);
        return origin == null ? SalesTally.UNKNOWN_ORIGIN : origin;
    }

    /** The tally recorded for an order, or null. */
    String recordedOrigin(String orderId) {
        return orderId == null || orderId.isEmpty() ? null : sales.get(SalesTally.ORDER_PREFIX + orderId);
    }

    long feedSeq() {
        return feedSeq;
    }

    // --- restoring from the database (before the map is shared) ---

    void restoreSeat(int seat, byte code, String seatOwner) {
        if (CODES.indexOf(code) < 0) {
            throw new IllegalArgumentException("Unknown seat state '" + (char) code + "' at seat " + seat);
        }
        setSeat(seat, code, seatOwner);
    }

    void restoreHold(LocalHoldRecord hold) {
        putHold(hold);
    }

    void restoreBuyer(String buyer, int seats) {
        if (seats > 0) {
            buyers.put(buyer, seats);
        }
    }

    void restoreSale(String saleId, String orderId) {
        sales.put(saleId, orderId);
    }

    void restoreFeedSeq(long seq) {
        feedSeq = seq;
    }

    /**
     * Ends a restore: brings the run index up to date with the seats set, and counts the sales
     * tally again now that every order's tally is known (seats may be restored before sales).
     */
    void restored() {
        reindexDirtyBlocks();
        tallies.clear();
        for (int seat = 0; seat < state.length; seat++) {
            if (state[seat] == SOLD) {
                tallies.merge(origin(owner[seat]), 1L, Long::sum);
            }
        }
    }

    // --- changing ---

    /** Makes a committed change visible. */
    void apply(LocalChange change) {
        // sales first: a seat sold by this change is tallied under the order's tally it records
        sales.putAll(change.saleWrites());
        change.seatWrites().forEach((seat, write) -> setSeat(seat, write.state(), write.owner()));
        reindexDirtyBlocks();
        change.holdWrites().values().forEach(this::putHold);
        change.purged().forEach(this::removeHold);
        change.buyerWrites().forEach((buyer, seats) -> {
            if (seats > 0) {
                buyers.put(buyer, seats);
            } else {
                buyers.remove(buyer);
            }
        });
        feedSeq += change.feedEntries();
    }

    private void setSeat(int seat, byte newState, String newOwner) {
        byte old = state[seat];
        if (old == SOLD) {
            tally(origin(owner[seat]), -1);
        }
        if (newState == SOLD) {
            tally(origin(newOwner), 1);
        }
        state[seat] = newState;
        owner[seat] = newOwner == null || newOwner.isEmpty() ? null : newOwner;
        if (old == newState) {
            return;
        }
        stateCounts[CODES.indexOf(old)]--;
        stateCounts[CODES.indexOf(newState)]++;
        if (old == FREE || newState == FREE) {
            int block = layout.blockIndexOf(seat);
            freeByCategory[categoryOfBlock[block]] += newState == FREE ? 1 : -1;
            markDirty(block);
        }
    }

    private void tally(String origin, long n) {
        if (tallies.merge(origin, n, Long::sum) == 0) {
            tallies.remove(origin);
        }
    }

    private void putHold(LocalHoldRecord hold) {
        LocalHoldRecord old = holds.put(hold.id(), hold);
        if (old != null) {
            unindex(old);
        }
        if (hold.status() == HoldStatus.HELD) {
            live.add(new Due(hold.expiresAt(), hold.id()));
        } else if (hold.endedAt() != null) {
            ended.add(new Due(hold.endedAt(), hold.id()));
        }
    }

    private void removeHold(String holdId) {
        LocalHoldRecord old = holds.remove(holdId);
        if (old != null) {
            unindex(old);
        }
    }

    private void unindex(LocalHoldRecord hold) {
        live.remove(new Due(hold.expiresAt(), hold.id()));
        if (hold.endedAt() != null) {
            ended.remove(new Due(hold.endedAt(), hold.id()));
        }
    }

    // --- expiry ---

    /** Live holds whose time has come, earliest first. */
    List<LocalHoldRecord> dueAt(long now) {
        List<LocalHoldRecord> due = new ArrayList<>();
        for (Due d : live) {
            if (d.at() > now) {
                break;
            }
            due.add(holds.get(d.holdId()));
        }
        return due;
    }

    /** Ended holds that ended at or before the cutoff. */
    List<String> endedBy(long cutoff) {
        List<String> old = new ArrayList<>();
        for (Due d : ended) {
            if (d.at() > cutoff) {
                break;
            }
            old.add(d.holdId());
        }
        return old;
    }

    /** Ids of live holds, the one running out first first. */
    List<String> liveHoldIds() {
        return live.stream().map(Due::holdId).toList();
    }

    Optional<Long> nextDue() {
        return live.isEmpty() ? Optional.empty() : Optional.of(live.first().at());
    }

    // --- reading ---

    String states() {
        return new String(state, StandardCharsets.US_ASCII);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int c = 0; c < CODES.length(); c++) {
            counts.put(String.valueOf(CODES.charAt(c)), stateCounts[c]);
        }
        for (int c = 0; c < categories.size(); c++) {
            counts.put("free:" + categories.get(c), freeByCategory[c]);
        }
        new TreeMap<>(tallies).forEach((origin, seats) -> counts.put(SalesTally.FIELD_PREFIX + origin, seats));
        return counts;
    }

    // --- best available ---

    /**
     * The seats best available picks for a group, by the rules of {@code hold.lua}, or null when no
     * group of that size sits together.
     *
     * @param category   price category, or null for any
     * @param wheelchair how many of the seats must be wheelchair spaces
     */
    int[] bestAvailable(int count, String category, int wheelchair) {
        int chosenBlock = -1;
        int chosenAt = -1;
        if (wheelchair == 0) {
            RunIndex index = category == null ? allBlocks : indexOf(category);
            if (index == null) {
                return null;
            }
            int looked = 0;
            for (int pos = index.firstFitting(0, count); pos >= 0 && looked < CANDIDATE_BLOCKS;
                 pos = index.firstFitting(pos + 1, count)) {
                looked++;
                int block = index.blockAt(pos);
                long window = bestWindow(block, count, 0);
                if (window < 0) {
                    continue;
                }
                if (chosenBlock < 0) {
                    chosenBlock = block;
                    chosenAt = (int) (window >> 1);
                }
                if ((window & 1) == 0) {
                    chosenBlock = block;
                    chosenAt = (int) (window >> 1);
                    break;
                }
            }
        } else {
            Integer wanted = category == null ? null : categories.indexOf(category);
            for (int block : wheelchairBlocks) {
                if (wanted != null && categoryOfBlock[block] != wanted) {
                    continue;
                }
                long window = bestWindow(block, count, wheelchair);
                if (window >= 0) {
                    chosenBlock = block;
                    chosenAt = (int) (window >> 1);
                    break;
                }
            }
        }
        if (chosenBlock < 0) {
            return null;
        }
        int start = layout.blocks().get(chosenBlock).start() + chosenAt;
        int[] seats = new int[count];
        for (int j = 0; j < count; j++) {
            seats[j] = start + j;
        }
        return seats;
    }

    private RunIndex indexOf(String category) {
        int c = categories.indexOf(category);
        return c < 0 ? null : blocksByCategory[c];
    }

    /**
     * The best window of {@code count} seats in a block: free, with exactly {@code wheelchair}
     * wheelchair spaces (none may be used when none is asked for). Windows that leave a single free
     * seat stranded beside the group lose to those that do not; then the one centred nearest the
     * block's best seat wins, the first on a tie.
     *
     * @return {@code offset << 1 | orphan}, or -1 when no window fits
     */
    private long bestWindow(int block, int count, int wheelchair) {
        SeatLayout.Block info = layout.blocks().get(block);
        int start = info.start();
        int len = info.length();
        boolean allowWheelchair = wheelchair > 0;
        int best = -1;
        boolean bestOrphan = false;
        double bestDist = 0;
        for (int a = 0; a + count <= len; a++) {
            boolean ok = true;
            int spaces = 0;
            for (int j = a; j < a + count; j++) {
                if (!freeAt(start, len, j, allowWheelchair)) {
                    ok = false;
                    break;
                }
                if (layout.isWheelchairSpace(start + j)) {
                    spaces++;
                }
            }
            if (!ok || spaces != wheelchair) {
                continue;
            }
            boolean orphan = false;
            if (wheelchair == 0) {
                orphan = (freeAt(start, len, a - 1, false) && !freeAt(start, len, a - 2, false))
                        || (freeAt(start, len, a + count, false) && !freeAt(start, len, a + count + 1, false));
            }
            double dist = Math.abs(a + (count - 1) / 2.0 - info.sweet());
            if (best < 0 || (bestOrphan && !orphan) || (bestOrphan == orphan && dist < bestDist)) {
                best = a;
                bestOrphan = orphan;
                bestDist = dist;
            }
        }
        return best < 0 ? -1 : ((long) best << 1) | (bestOrphan ? 1 : 0);
    }

    private boolean freeAt(int start, int len, int offset, boolean allowWheelchair) {
        if (offset < 0 || offset >= len) {
            return false;
        }
        int seat = start + offset;
        return state[seat] == FREE && (allowWheelchair || !layout.isWheelchairSpace(seat));
    }

    private boolean hasWheelchairSpace(SeatLayout.Block block) {
        for (int seat = block.start(); seat < block.start() + block.length(); seat++) {
            if (layout.isWheelchairSpace(seat)) {
                return true;
            }
        }
        return false;
    }

    private void markDirty(int block) {
        if (!dirtyBlock[block]) {
            dirtyBlock[block] = true;
            dirtyBlocks.add(block);
        }
    }

    /** Recomputes the longest free run of every block a change touched (wheelchair spaces excluded). */
    private void reindexDirtyBlocks() {
        for (int block : dirtyBlocks) {
            dirtyBlock[block] = false;
            SeatLayout.Block info = layout.blocks().get(block);
            int best = 0;
            int run = 0;
            for (int seat = info.start(); seat < info.start() + info.length(); seat++) {
                if (state[seat] == FREE && !layout.isWheelchairSpace(seat)) {
                    run++;
                    best = Math.max(best, run);
                } else {
                    run = 0;
                }
            }
            if (best != longestRun[block]) {
                longestRun[block] = best;
                allBlocks.update(block, best);
                blocksByCategory[categoryOfBlock[block]].update(block, best);
            }
        }
        dirtyBlocks.clear();
    }

    /**
     * Blocks in rank order (ties by block index) with a max segment tree over their longest free
     * runs, answering "the next block from here that can seat n together".
     */
    private static final class RunIndex {

        private final int[] blocks;
        private final int[] positionOfBlock;
        private final int size;
        private final int[] tree;

        RunIndex(int[] blocksInOrder, int blockCount) {
            this.blocks = blocksInOrder;
            this.positionOfBlock = new int[blockCount];
            Arrays.fill(positionOfBlock, -1);
            for (int p = 0; p < blocksInOrder.length; p++) {
                positionOfBlock[blocksInOrder[p]] = p;
            }
            int s = 1;
            while (s < Math.max(1, blocksInOrder.length)) {
                s <<= 1;
            }
            this.size = s;
            this.tree = new int[2 * s];
        }

        int blockAt(int position) {
            return blocks[position];
        }

        void update(int block, int run) {
            int node = positionOfBlock[block] + size;
            tree[node] = run;
            for (node >>= 1; node >= 1; node >>= 1) {
                tree[node] = Math.max(tree[2 * node], tree[2 * node + 1]);
            }
        }

        /** First position at or after {@code from} whose block has a free run of at least {@code k}, or -1. */
        int firstFitting(int from, int k) {
            return find(1, 0, size, from, k);
        }

        private int find(int node, int lo, int hi, int from, int k) {
            if (hi <= from || tree[node] < k) {
                return -1;
            }
            if (hi - lo == 1) {
                return lo;
            }
            int mid = (lo + hi) >>> 1;
            int left = find(2 * node, lo, mid, from, k);
            return left >= 0 ? left : find(2 * node + 1, mid, hi, from, k);
        }
    }
}
