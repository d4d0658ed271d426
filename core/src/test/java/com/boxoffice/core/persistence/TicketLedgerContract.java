package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import com.boxoffice.core.ticket.SoldSeat;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketStatus;

/** The database's guarantee that a seat is sold at most once per performance. */
abstract class TicketLedgerContract extends PersistenceContract {

    @Autowired
    TicketRepository tickets;

    @Test
    void secondLiveTicketForTheSameSeatIsRefusedByTheDatabase() {
        String performanceId = storedPerformance();
        String firstOrder = storedOrder(performanceId);
        String secondOrder = storedOrder(performanceId);
        TicketEntity first = tickets.saveAndFlush(ticket(firstOrder, performanceId, "STALLS-A-1"));

        assertThatThrownBy(() -> tickets.saveAndFlush(ticket(secondOrder, performanceId, "STALLS-A-1")))
                .satisfies(thrown -> assertUniqueViolation(thrown, "uq_ticket_live_seat"));

        assertThat(ticketRows(performanceId, "STALLS-A-1")).isEqualTo(1);
        assertThat(tickets.findLive(performanceId, "STALLS-A-1")).get()
                .extracting(TicketEntity::getId, TicketEntity::getOrderId)
                .containsExactly(first.getId(), firstOrder);
    }

    @Test
    void ofTwoConcurrentSalesOfTheSameSeatExactlyOneIsStored() throws Exception {
        String performanceId = storedPerformance();
        List<String> orderIds = List.of(storedOrder(performanceId), storedOrder(performanceId));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TicketEntity>> attempts = new ArrayList<>();
            for (String orderId : orderIds) {
                Callable<TicketEntity> sale = () -> {
                    start.await();
                    return tickets.saveAndFlush(ticket(orderId, performanceId, "STALLS-A-2"));
                };
                attempts.add(pool.submit(sale));
            }
            start.countDown();

            int stored = 0;
            int refused = 0;
            for (Future<TicketEntity> attempt : attempts) {
                try {
                    attempt.get(20, TimeUnit.SECONDS);
                    stored++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                    assertUniqueViolation(e.getCause(), "uq_ticket_live_seat");
                    refused++;
                }
            }
            assertThat(stored).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ticketRows(performanceId, "STALLS-A-2")).isEqualTo(1);
    }

    @Test
    void refundedTicketFreesTheSeatForANewLiveTicket() {
        String performanceId = storedPerformance();
        TicketEntity sold = tickets.saveAndFlush(ticket(storedOrder(performanceId), performanceId, "STALLS-A-1"));

        TicketEntity refunded = tickets.findById(sold.getId()).orElseThrow();
        refunded.refund();
        tickets.saveAndFlush(refunded);
        TicketEntity resold = tickets.saveAndFlush(ticket(storedOrder(performanceId), performanceId, "STALLS-A-1"));

        assertThat(tickets.findById(sold.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.REFUNDED);
        assertThat(tickets.findLive(performanceId, "STALLS-A-1")).get()
                .extracting(TicketEntity::getId).isEqualTo(resold.getId());
        assertThat(ticketRows(performanceId, "STALLS-A-1")).isEqualTo(2);
    }

    @Test
    void aSeatMayBeRefundedAndResoldAgainAndAgain() {
        String performanceId = storedPerformance();
        TicketEntity current = tickets.saveAndFlush(ticket(storedOrder(performanceId), performanceId, "STALLS-A-1"));

        for (int resale = 0; resale < 2; resale++) {
            TicketEntity returned = tickets.findById(current.getId()).orElseThrow();
            returned.refund();
            tickets.saveAndFlush(returned);
            current = tickets.saveAndFlush(ticket(storedOrder(performanceId), performanceId, "STALLS-A-1"));
        }

        // Two refunded rows share (performance, NULL) in the unique constraint; both databases allow it.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE performance_id = ? AND seat_id = ?"
                + " AND status = 'REFUNDED' AND live_seat_key IS NULL", Long.class, performanceId, "STALLS-A-1"))
                .isEqualTo(2);
        assertThat(tickets.findLive(performanceId, "STALLS-A-1")).get()
                .extracting(TicketEntity::getId).isEqualTo(current.getId());
    }

    @Test
    void refundClearsTheLiveSeatKeyAndCannotBeRepeated() {
        String performanceId = storedPerformance();
        TicketEntity sold = tickets.saveAndFlush(ticket(storedOrder(performanceId), performanceId, "STALLS-A-3"));
        assertThat(liveSeatKey(sold.getId())).isEqualTo("STALLS-A-3");

        TicketEntity loaded = tickets.findById(sold.getId()).orElseThrow();
        loaded.refund();
        tickets.saveAndFlush(loaded);

        assertThat(liveSeatKey(sold.getId())).isNull();
        TicketEntity reloaded = tickets.findById(sold.getId()).orElseThrow();
        assertThat(reloaded.isLive()).isFalse();
        assertThatThrownBy(reloaded::refund).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameSeatMayBeLiveAtTwoDifferentPerformances() {
        String matinee = storedPerformance();
        String evening = storedPerformance();

        tickets.saveAndFlush(ticket(storedOrder(matinee), matinee, "STALLS-A-1"));
        tickets.saveAndFlush(ticket(storedOrder(evening), evening, "STALLS-A-1"));

        assertThat(tickets.findLive(matinee, "STALLS-A-1")).isPresent();
        assertThat(tickets.findLive(evening, "STALLS-A-1")).isPresent();
    }

    @Test
    void soldSeatsAreTheSeatsWithALiveTicket() {
        String performanceId = storedPerformance();
        String orderId = storedOrder(performanceId);
        tickets.saveAndFlush(ticket(orderId, performanceId, "STALLS-A-2"));
        tickets.saveAndFlush(ticket(orderId, performanceId, "STALLS-A-1"));
        TicketEntity refunded = tickets.saveAndFlush(ticket(orderId, performanceId, "STALLS-A-3"));
        refunded.refund();
        tickets.saveAndFlush(refunded);

        assertThat(tickets.findSoldSeats(performanceId))
                .containsExactly(new SoldSeat("STALLS-A-1", orderId), new SoldSeat("STALLS-A-2", orderId));
        assertThat(tickets.findByOrderId(orderId)).hasSize(3);
    }

    @Test
    void aNewTicketReusingAnIdIsRefusedInsteadOfOverwritingTheStoredOne() {
        String performanceId = storedPerformance();
        String orderId = storedOrder(performanceId);
        TicketEntity stored = tickets.saveAndFlush(ticket(orderId, performanceId, "STALLS-A-1"));

        TicketEntity sameId = TicketEntity.issue(stored.getId(), orderId, performanceId, "STALLS-A-2", 100, NOW);
        assertThatThrownBy(() -> tickets.saveAndFlush(sameId))
                .satisfies(thrown -> assertUniqueViolation(thrown, "pk_ticket"));

        TicketEntity unchanged = tickets.findById(stored.getId()).orElseThrow();
        assertThat(unchanged.getSeatId()).isEqualTo("STALLS-A-1");
        assertThat(unchanged.getPriceMinor()).isEqualTo(6500);
    }

    private static TicketEntity ticket(String orderId, String performanceId, String seatId) {
        return TicketEntity.issue(newUuid(), orderId, performanceId, seatId, 6500, NOW);
    }

    private long ticketRows(String performanceId, String seatId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE performance_id = ? AND seat_id = ?", Long.class,
                performanceId, seatId);
    }

    private String liveSeatKey(String ticketId) {
        return jdbc.queryForObject("SELECT live_seat_key FROM ticket WHERE id = ?", String.class, ticketId);
    }
}
