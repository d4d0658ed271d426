package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.persistence.EntityManagerFactory;

/** The migrations and the constraints that protect the data whatever code writes it. */
abstract class SchemaContract extends PersistenceContract {

    @Autowired
    Flyway flyway;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyMigrationIsAppliedAndNonePending() {
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(applied).extracting(info -> info.getVersion().getVersion())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void hibernateValidatesTheSchemaInsteadOfChangingIt() {
        // The context started, so validation passed; this pins that it was validation that ran.
        assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
    }

    @Test
    void databaseRefusesLiveTicketWithoutItsSeatKey() {
        String performanceId = storedPerformance();
        String orderId = storedOrder(performanceId);

        assertThatThrownBy(() -> insertTicket(orderId, performanceId, "STALLS-A-1", "LIVE", null))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_ticket_live_seat_key"));
        assertThat(ticketsAt(performanceId)).isZero();
    }

    @Test
    void databaseRefusesLiveTicketKeyedToAnotherSeat() {
        String performanceId = storedPerformance();
        String orderId = storedOrder(performanceId);

        assertThatThrownBy(() -> insertTicket(orderId, performanceId, "STALLS-A-1", "LIVE", "STALLS-A-2"))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_ticket_live_seat_key"));
        assertThat(ticketsAt(performanceId)).isZero();
    }

    @Test
    void databaseRefusesRefundedTicketStillHoldingItsSeat() {
        String performanceId = storedPerformance();
        String orderId = storedOrder(performanceId);

        assertThatThrownBy(() -> insertTicket(orderId, performanceId, "STALLS-A-1", "REFUNDED", "STALLS-A-1"))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_ticket_live_seat_key"));
        assertThat(ticketsAt(performanceId)).isZero();
    }

    @Test
    void databaseRefusesCashPaymentWhoseChangeDoesNotAddUp() {
        String orderId = storedOrder(storedPerformance());

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO payment (id, order_id, method, amount_minor, currency, status, idempotency_key,
                                     tendered_minor, change_minor, created_at, updated_at)
                VALUES (?, ?, 'CASH', 6500, 'EUR', 'CAPTURED', ?, 10000, 4000, ?, ?)""",
                newUuid(), orderId, newUuid(), Timestamp.from(NOW), Timestamp.from(NOW)))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_payment_cash"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE order_id = ?", Long.class, orderId))
                .isZero();
    }

    @Test
    void databaseRefusesWindowSaleWithoutTerminal() {
        String performanceId = storedPerformance();

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO sale_order (id, performance_id, channel, status, created_at, updated_at, version)
                VALUES (?, ?, 'BOX_OFFICE', 'HELD', ?, ?, 0)""",
                newUuid(), performanceId, Timestamp.from(NOW), Timestamp.from(NOW)))
                .satisfies(thrown -> assertCheckViolation(thrown, "ck_sale_order_terminal"));
    }

    private void insertTicket(String orderId, String performanceId, String seatId, String status, String liveSeatKey) {
        jdbc.update("""
                INSERT INTO ticket (id, order_id, performance_id, seat_id, price_minor, status, issued_at, live_seat_key)
                VALUES (?, ?, ?, ?, 6500, ?, ?, ?)""",
                newUuid(), orderId, performanceId, seatId, status, Timestamp.from(NOW), liveSeatKey);
    }

    private long ticketsAt(String performanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE performance_id = ?", Long.class, performanceId);
    }
}
