package com.boxoffice.core.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisAllocations;
import com.boxoffice.core.hold.SaleConflictException;
import com.boxoffice.core.performance.Channel;

/**
 * A terminal's way between online and offline selling.
 *
 * <ul>
 * <li>While online it keeps a snapshot of each performance it sells ({@link #refreshSnapshots}).
 * <li>When the live state is lost it sells from that snapshot ({@link #connectionLost}).
 * <li>When the live state is back it first claims the seats it sold offline there, with the same
 * script and the same sale ids the sync server uses, so the live map shows them sold at once and
 * the server later finds them applied; a seat sold elsewhere meanwhile stays with its first buyer
 * and the sale waits for the server's re-seat or refund. Only then does it sell online again
 * ({@link #connectionBack}).
 * </ul>
 */
public class TerminalLink {

    private static final Logger log = LoggerFactory.getLogger(TerminalLink.class);

    private final TerminalHoldStore store;
    private final HoldStore live;
    private final RedisAllocations allocations;
    private final OutboxRepository outbox;
    private final PerformanceSeatings seatings;
    private final String terminalId;
    private final Clock clock;

    public TerminalLink(TerminalHoldStore store, HoldStore live, RedisAllocations allocations, OutboxRepository outbox,
                        PerformanceSeatings seatings, String terminalId, Clock clock) {
        this.store = store;
        this.live = live;
        this.allocations = allocations;
        this.outbox = outbox;
        this.seatings = seatings;
        this.terminalId = terminalId;
        this.clock = clock;
    }

    public boolean isOffline() {
        return store.isOffline();
    }

    /**
     * Remembers the live state of each performance, to sell from if the connection drops. Skipped
     * while sales wait in the outbox (see {@link TerminalHoldStore#remember}).
     *
     * @return how many snapshots were taken
     */
    public int refreshSnapshots(Collection<String> performanceIds) {
        int taken = 0;
        for (String performanceId : performanceIds) {
            Availability now = live.availability(performanceId);
            List<String> mine = allocations.allocatedTo(performanceId, terminalId, now.states());
            OfflineSnapshot snapshot = new OfflineSnapshot(performanceId, now.states(), Set.copyOf(mine),
                    seatings.seating(performanceId).performance().offlinePolicy(), clock.instant());
            if (store.remember(snapshot)) {
                taken++;
            }
        }
        return taken;
    }

    /** Sells from the last snapshots; the performances that can be sold offline. */
    public List<String> connectionLost() {
        return store.goOffline();
    }

    /**
     * Claims the seats sold offline in the live state, then sells online again. Throws (and stays
     * offline) when the live state is unreachable after all.
     */
    public Reconnected connectionBack() {
        int claimed = 0;
        List<SyncSale> clashed = new ArrayList<>();
        for (OutboxEntryEntity entry : outbox.findByTerminalIdAndKindAndClaimedAtIsNullOrderBySequenceNo(terminalId,
                TerminalOutbox.OFFLINE_SALE)) {
            SyncSale sale = TerminalOutboxJson.read(entry.getPayload());
            List<String> seatIds = sale.seats().stream().map(SyncSale.Seat::seatId).toList();
            try {
                live.applyJournalSale(sale.performanceId(),
                        new JournalSale(sale.saleId(), terminalId, sale.orderId(), seatIds, Channel.valueOf(sale.channel())));
                claimed++;
            } catch (SaleConflictException e) {
                log.warn("Offline sale {} (order {}) clashes with seats sold elsewhere: {}", sale.saleId(), sale.orderId(),
                        e.conflicts());
                clashed.add(sale);
            }
            // either way the live state now shows the seats taken: a snapshot may include them
            entry.markClaimed(clock.instant());
            outbox.save(entry);
        }
        store.goOnline();
        return new Reconnected(claimed, clashed);
    }

    /** True when sales made offline still wait to be claimed in the live state (after a restart, say). */
    public boolean hasUnclaimedOfflineSales() {
        return outbox.countByTerminalIdAndKindAndClaimedAtIsNull(terminalId, TerminalOutbox.OFFLINE_SALE) > 0;
    }

    /**
     * @param claimed offline sales whose seats are now sold in the live state
     * @param clashed offline sales with a seat sold elsewhere first: the sync server re-seats or refunds them
     */
    public record Reconnected(int claimed, List<SyncSale> clashed) {
    }
}
