package com.boxoffice.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SaleConflictException;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.TestSeating;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.venue.VenueRepository;

/**
 * Rebuilding a performance's live seats in Redis from the database, on a real journal database and
 * a real Redis: what the database says about each seat is what the rebuilt seat map shows.
 */
abstract class SeatStateRebuildContract {

    @Autowired
    SaleOrderRepository orders;
    @Autowired
    TicketRepository tickets;
    @Autowired
    SeatAssignmentRepository assignments;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RedisScripts scripts;
    @Autowired
    VenueRepository venues;
    @Autowired
    PerformanceRepository performances;

    MutableClock clock;
    InMemoryPerformanceSeatings seatings;
    RedisHoldStore holds;
    Performance performance;
    String perf;

    @BeforeEach
    void setUp() {
        // Later than any clock of the sale flow tests, whose recovery must never see these orders.
        clock = new MutableClock(TestSeating.START);
        seatings = new InMemoryPerformanceSeatings();
        performance = TestSeating.performance(4);
        perf = performance.id();
        seatings.register(performance, TestSeating.venue());
        JournalFixtures.store(performance, clock.instant(), venues, performances, transactions);
        holds = new RedisHoldStore(scripts, clock, seatings, HoldTokens.withRandomSecret(), Duration.ofHours(1), 500);
        holds.load(perf, List.of(), Map.of());
    }

    TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    SeatStateRebuild rebuild() {
        return new SeatStateRebuild(holds, tickets, assignments, orders, tx());
    }

    SeatState seat(String seatId) {
        return holds.availability(perf).stateOf(seatings.seating(perf).layout().indexOf(seatId));
    }

    /** An order of the terminal with a live ticket for each seat, as the journal keeps a sale. */
    String soldInJournal(String orderId, String terminalId, String... seatIds) {
        tx().executeWithoutResult(s -> {
            orders.save(SaleOrderEntity.open(orderId, perf, Channel.BOX_OFFICE, terminalId, null, null, clock.instant()));
            for (String seatId : seatIds) {
                tickets.save(TicketEntity.issue(UUID.randomUUID().toString(), orderId, perf, seatId, 6000, clock.instant()));
            }
        });
        return orderId;
    }

    void saveAssignment(SeatAssignmentEntity assignment) {
        tx().executeWithoutResult(s -> assignments.save(assignment));
    }

    @Test
    void aSeatSoldFromItsTerminalsAllocationComesBackSoldAndCannotBeSoldAgain() {
        // T1 is given two seats, sells one of them offline; the allocation rows stay in the database
        holds.allocate(perf, List.of("STALLS-E-1", "STALLS-E-2"), "T1");
        saveAssignment(SeatAssignmentEntity.allocated(perf, "STALLS-E-1", "T1"));
        saveAssignment(SeatAssignmentEntity.allocated(perf, "STALLS-E-2", "T1"));
        String order = UUID.randomUUID().toString();
        holds.applyJournalSale(perf, new JournalSale("T1-0001", "T1", order, List.of("STALLS-E-1")));
        soldInJournal(order, "T1", "STALLS-E-1");

        scripts.connection().sync().del(RedisKeys.of(perf));
        rebuild().rebuild(perf);

        assertThat(seat("STALLS-E-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-E-2")).isEqualTo(SeatState.ALLOCATED);
        assertThatThrownBy(() -> holds.hold(new HoldRequest(perf, null, "clerk", null, Channel.BOX_OFFICE, "T1",
                SeatSelection.seats("STALLS-E-1")))).isInstanceOf(SeatUnavailableException.class);
        assertThatThrownBy(() -> holds.applyJournalSale(perf, new JournalSale("T1-0002", "T1",
                UUID.randomUUID().toString(), List.of("STALLS-E-1"))))
                .isInstanceOfSatisfying(SaleConflictException.class,
                        e -> assertThat(e.conflicts()).containsExactlyEntriesOf(Map.of("STALLS-E-1", SeatState.SOLD)));
        // the seat is still that order's: a refund frees it
        assertThat(holds.refund(perf, order, List.of("STALLS-E-1"), null)).containsExactly("STALLS-E-1");
    }

    @Test
    void aJournalSaleSentAgainAfterARebuildIsAnsweredWithItsOrder() {
        holds.allocate(perf, List.of("STALLS-E-1", "STALLS-E-2"), "T1");
        saveAssignment(SeatAssignmentEntity.allocated(perf, "STALLS-E-1", "T1"));
        saveAssignment(SeatAssignmentEntity.allocated(perf, "STALLS-E-2", "T1"));
        String order = UUID.randomUUID().toString();
        JournalSale sale = new JournalSale("T1-0001", "T1", order, List.of("STALLS-E-1", "STALLS-E-2"));
        holds.applyJournalSale(perf, sale);
        soldInJournal(order, "T1", "STALLS-E-1", "STALLS-E-2");

        scripts.connection().sync().del(RedisKeys.of(perf));
        rebuild().rebuild(perf);
        String before = holds.availability(perf).states();

        // the terminal did not hear back the first time and sends the sale again
        assertThat(holds.applyJournalSale(perf, sale)).isEqualTo(order);
        assertThat(holds.availability(perf).states()).isEqualTo(before);
        assertThat(seat("STALLS-E-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-E-2")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aBlockReasonWithSeparatorsInItComesBackExactlyAfterARebuild() {
        String reason = "camera; row=E, seats=1;2";
        saveAssignment(SeatAssignmentEntity.blocked(perf, "STALLS-E-1", reason));
        saveAssignment(SeatAssignmentEntity.allocated(perf, "STALLS-E-2", "T=1;"));

        rebuild().rebuild(perf);

        assertThat(seat("STALLS-E-1")).isEqualTo(SeatState.BLOCKED);
        assertThat(seat("STALLS-E-2")).isEqualTo(SeatState.ALLOCATED);
        String[] keys = RedisKeys.of(perf);
        int e1 = seatings.seating(perf).layout().indexOf("STALLS-E-1");
        assertThat(scripts.connection().sync().hget(keys[2], String.valueOf(e1))).isEqualTo(reason);
        assertThat(holds.deallocate(perf, List.of("STALLS-E-2"), "T=1;")).containsExactly("STALLS-E-2");
    }

    @Test
    void aSoldSeatBlockedAfterItsSaleComesBackSoldUnderItsOrder() {
        String order = soldInJournal(UUID.randomUUID().toString(), "T1", "STALLS-A-1", "STALLS-A-2");
        saveAssignment(SeatAssignmentEntity.blocked(perf, "STALLS-A-2", "sight line"));
        saveAssignment(SeatAssignmentEntity.blocked(perf, "STALLS-A-3", "sight line"));

        rebuild().rebuild(perf);

        assertThat(seat("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-A-2")).isEqualTo(SeatState.SOLD);
        assertThat(seat("STALLS-A-3")).isEqualTo(SeatState.BLOCKED);
        assertThat(holds.refund(perf, order, List.of("STALLS-A-1", "STALLS-A-2"), null))
                .containsExactly("STALLS-A-1", "STALLS-A-2");
    }
}
