package com.boxoffice.core.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.DurableSeat;
import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStorageException;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.LocalHoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.SweepResult;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.shared.BoxOfficeException;

/**
 * A terminal's seat state: the shared live state (Redis) while the terminal is online, its own
 * {@link LocalHoldStore} while it is offline.
 *
 * <p>Going offline loads the local store from the terminal's last snapshot of each performance:
 * seats allocated to this terminal stay sellable; seats the snapshot showed free stay sellable only
 * where the performance allows selling at risk; every other seat (sold, blocked, held online,
 * allocated elsewhere) is blocked locally. A hold lives and ends in the store that made it, so a
 * sale started offline is finished offline even after the connection is back, and one started
 * online is never confirmed from the snapshot.
 *
 * <p>Going back online is the caller's decision, after the outbox was delivered: until the server
 * has the offline sales, the live state still shows their seats free or allocated to this terminal.
 */
public class TerminalHoldStore implements HoldStore {

    /** Why a seat the terminal may not sell offline is blocked locally. */
    static final String NOT_OFFLINE = "not for sale offline";

    private final HoldStore online;
    private final LocalHoldStore offline;
    private final OfflineSnapshotRepository snapshots;
    private final OutboxRepository outbox;
    private final PerformanceSeatings seatings;
    private final String terminalId;
    private final Clock clock;
    private volatile boolean offlineMode;

    public TerminalHoldStore(HoldStore online, LocalHoldStore offline, OfflineSnapshotRepository snapshots,
                             OutboxRepository outbox, PerformanceSeatings seatings, String terminalId, Clock clock) {
        this.online = online;
        this.offline = offline;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.seatings = seatings;
        this.terminalId = terminalId;
        this.clock = clock;
    }

    /** True while new holds are made from the local snapshot. */
    public boolean isOffline() {
        return offlineMode;
    }

    /**
     * Keeps the terminal's current view of a performance, to sell from if the connection drops. Refused
     * (false) while the terminal is offline or sales it made offline are not claimed in the live state
     * yet: a snapshot without them would let the terminal sell their seats again in the next outage.
     */
    public synchronized boolean remember(OfflineSnapshot snapshot) {
        if (offlineMode || outbox.countByTerminalIdAndKindAndClaimedAtIsNull(terminalId, TerminalOutbox.OFFLINE_SALE) > 0) {
            return false;
        }
        snapshots.save(new OfflineSnapshotEntity(terminalId, snapshot));
        return true;
    }

    /**
     * Switches new holds to the local store. A performance is loaded from its snapshot the first time
     * after the snapshot was taken; after that (a second outage, a restart while offline) the local
     * state, which has the offline sales, is kept.
     *
     * @return the performances that can be sold offline
     */
    public synchronized List<String> goOffline() {
        List<String> ready = new ArrayList<>();
        for (OfflineSnapshotEntity stored : snapshots.findByTerminalId(terminalId)) {
            OfflineSnapshot snapshot = stored.toSnapshot();
            if (stored.getLoadedAt() == null || !offline.knowsPerformance(snapshot.performanceId())) {
                offline.load(snapshot.performanceId(), durable(snapshot), Map.of());
                stored.markLoaded(clock.instant());
                snapshots.save(stored);
            }
            ready.add(snapshot.performanceId());
        }
        offlineMode = true;
        return ready;
    }

    /** New holds go to the live state again. Holds made offline still finish in the local store. */
    public synchronized void goOnline() {
        offlineMode = false;
    }

    /** How the terminal took an order's seats, for the outbox. */
    public SellingMode modeOf(SaleOrderEntity order) {
        String holdId = order.getHoldId();
        if (holdId == null || !offline.knowsHold(holdId)) {
            return SellingMode.ONLINE;
        }
        Set<String> allocated = snapshots.findById(new OfflineSnapshotEntity.Key(order.getPerformanceId(), terminalId))
                .map(s -> s.toSnapshot().allocated()).orElse(Set.of());
        boolean all = order.getSeats().stream().allMatch(seat -> allocated.contains(seat.seatId()));
        return all ? SellingMode.ALLOCATED : SellingMode.AT_RISK;
    }

    /** The snapshot as durable seats for the local store: what this terminal may not sell is blocked. */
    List<DurableSeat> durable(OfflineSnapshot snapshot) {
        SeatLayout layout = seatings.seating(snapshot.performanceId()).layout();
        if (snapshot.states().length() != layout.size()) {
            throw new HoldStorageException("The snapshot of performance " + snapshot.performanceId() + " has "
                    + snapshot.states().length() + " seats, the venue " + layout.size(), null);
        }
        boolean atRisk = snapshot.policy() == OfflinePolicy.AT_RISK_ALLOWED;
        List<DurableSeat> seats = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            String seatId = layout.seatId(i);
            SeatState state = SeatState.ofCode(snapshot.states().charAt(i));
            if (snapshot.allocated().contains(seatId)) {
                seats.add(new DurableSeat(seatId, SeatState.ALLOCATED, terminalId));
            } else if (state == SeatState.SOLD) {
                seats.add(new DurableSeat(seatId, SeatState.SOLD, null));
            } else if (state != SeatState.AVAILABLE || !atRisk) {
                seats.add(new DurableSeat(seatId, SeatState.BLOCKED, NOT_OFFLINE));
            }
        }
        return seats;
    }

    private HoldStore storeOf(String holdId) {
        return offline.knowsHold(holdId) ? offline : online;
    }

    private HoldStore live(String what) {
        if (offlineMode) {
            throw new HoldStorageException("This terminal is offline: " + what
                    + " needs the live seat state. Try again when the connection is back.", null);
        }
        return online;
    }

    @Override
    public List<String> load(String performanceId, List<DurableSeat> durable, Map<String, Integer> buyerSeats) {
        return live("loading a performance").load(performanceId, durable, buyerSeats);
    }

    @Override
    public Hold hold(HoldRequest request) {
        if (!offlineMode) {
            return online.hold(request);
        }
        // best available looks among free seats; offline, the seats this terminal may sell safely are
        // its allocation, so the best of those go first, and free seats (sold at risk) only after them
        if (request.selection() instanceof SeatSelection.BestAvailable best && best.wheelchairSpaces() == 0) {
            List<String> seats = bestAllocated(request.performanceId(), best.count(), best.category());
            if (!seats.isEmpty()) {
                return offline.hold(new HoldRequest(request.performanceId(), request.requestId(), request.owner(),
                        request.buyer(), request.channel(), request.terminalId(), new SeatSelection.Seats(seats)));
            }
        }
        return offline.hold(request);
    }

    /**
     * The best {@code count} seats of this terminal's allocation still unsold in the local state, in
     * the category asked for (any when null): a stretch of them side by side in the best-ranked
     * block that has one, else the best-ranked ones wherever they are; empty when there are too few.
     * Wheelchair spaces are left out, as best available leaves them out unless asked for.
     */
    List<String> bestAllocated(String performanceId, int count, String category) {
        SeatLayout layout = seatings.seating(performanceId).layout();
        String states = offline.availability(performanceId).states();
        List<SeatLayout.Block> blocks = new ArrayList<>(layout.blocks());
        blocks.sort(java.util.Comparator.comparingInt(SeatLayout.Block::rank));
        List<Integer> scattered = new ArrayList<>();
        for (SeatLayout.Block block : blocks) {
            if (category != null && !category.equals(block.category())) {
                continue;
            }
            int runStart = -1;
            for (int i = block.start(); i < block.start() + block.length(); i++) {
                boolean mine = states.charAt(i) == SeatState.ALLOCATED.code() && !layout.isWheelchairSpace(i);
                if (mine) {
                    scattered.add(i);
                    if (runStart < 0) {
                        runStart = i;
                    }
                    if (i - runStart + 1 == count) {
                        List<String> together = new ArrayList<>();
                        for (int k = runStart; k <= i; k++) {
                            together.add(layout.seatId(k));
                        }
                        return together;
                    }
                } else {
                    runStart = -1;
                }
            }
        }
        if (scattered.size() < count) {
            return List.of();
        }
        return scattered.subList(0, count).stream().map(layout::seatId).toList();
    }

    @Override
    public Hold extend(String holdId, String token) {
        return storeOf(holdId).extend(holdId, token);
    }

    @Override
    public Hold release(String holdId, String token) {
        return storeOf(holdId).release(holdId, token);
    }

    /**
     * Confirms in the store that made the hold. A sale confirmed online is also marked sold in the
     * local state when that exists, so a later outage can never offer this terminal's own sold seats.
     */
    @Override
    public Hold confirm(String holdId, String token, String orderId) {
        HoldStore store = storeOf(holdId);
        Hold confirmed = store.confirm(holdId, token, orderId);
        if (store == online && offline.knowsPerformance(confirmed.performanceId())) {
            try {
                offline.applyJournalSale(confirmed.performanceId(),
                        new JournalSale("online/" + orderId, terminalId, orderId, confirmed.seatIds()));
            } catch (BoxOfficeException e) {
                // the local view had the seats taken already: it is only the terminal's fallback
            }
        }
        return confirmed;
    }

    @Override
    public SweepResult sweep(String performanceId) {
        if (offline.knowsPerformance(performanceId)) {
            SweepResult local = offline.sweep(performanceId);
            if (offlineMode) {
                return local;
            }
        }
        return online.sweep(performanceId);
    }

    @Override
    public List<String> block(String performanceId, List<String> seatIds, String reason) {
        return live("blocking seats").block(performanceId, seatIds, reason);
    }

    @Override
    public List<String> unblock(String performanceId, List<String> seatIds) {
        return live("unblocking seats").unblock(performanceId, seatIds);
    }

    @Override
    public List<String> allocate(String performanceId, List<String> seatIds, String terminalId) {
        return live("allocating seats").allocate(performanceId, seatIds, terminalId);
    }

    @Override
    public List<String> deallocate(String performanceId, List<String> seatIds, String terminalId) {
        return live("taking allocated seats back").deallocate(performanceId, seatIds, terminalId);
    }

    @Override
    public String applyJournalSale(String performanceId, JournalSale sale) {
        return offlineMode ? offline.applyJournalSale(performanceId, sale) : online.applyJournalSale(performanceId, sale);
    }

    @Override
    public List<String> refund(String performanceId, String orderId, List<String> seatIds, String buyer) {
        return live("a refund").refund(performanceId, orderId, seatIds, buyer);
    }

    @Override
    public Availability availability(String performanceId) {
        return offlineMode ? offline.availability(performanceId) : online.availability(performanceId);
    }
}
