package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderEntity;

/** The sale journal and its payments as stored and read back. */
abstract class SaleJournalContract extends PersistenceContract {

    private static final List<OrderSeat> TWO_SEATS = List.of(
            new OrderSeat("STALLS-A-2", "A", 6500), new OrderSeat("STALLS-A-3", "B", 3900));

    @Autowired
    PaymentRepository payments;

    @Test
    void orderKeepsEveryStepAndTheSeatPricesFixedAtPricing() {
        String performanceId = storedPerformance();
        SaleOrderEntity order = orders.save(SaleOrderEntity.open(newUuid(), performanceId, Channel.KIOSK, "K-7",
                "ada@example.org", "hold-1", NOW));
        order = step(order, o -> o.price(TWO_SEATS, "EUR", NOW.plusSeconds(10)));
        order = step(order, o -> o.awaitPayment("pay-" + o.getId(), NOW.plusSeconds(20)));
        order = step(order, o -> o.markPaid(NOW.plusSeconds(30)));
        order = step(order, o -> o.confirm(NOW.plusSeconds(40)));

        SaleOrderEntity read = orders.findById(order.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(read.getSeats()).containsExactlyElementsOf(TWO_SEATS);
        assertThat(read.getTotalMinor()).isEqualTo(10400L);
        assertThat(read.getCurrency()).isEqualTo("EUR");
        assertThat(read.getPaymentIdempotencyKey()).isEqualTo("pay-" + order.getId());
        assertThat(read.getChannel()).isEqualTo(Channel.KIOSK);
        assertThat(read.getTerminalId()).isEqualTo("K-7");
        assertThat(read.getBuyer()).isEqualTo("ada@example.org");
        assertThat(read.getHoldId()).isEqualTo("hold-1");
        assertThat(read.getCreatedAt()).isEqualTo(NOW);
        assertThat(read.getUpdatedAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(read.getVersion()).as("one insert and four updates").isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT SUM(price_minor) FROM order_seat WHERE order_id = ?", Long.class,
                order.getId())).isEqualTo(10400L);
    }

    @Test
    void aStaleCopyOfAnOrderCannotOverwriteANewerStep() {
        String orderId = storedOrder(storedPerformance());
        SaleOrderEntity pricing = orders.findById(orderId).orElseThrow();
        SaleOrderEntity expiring = orders.findById(orderId).orElseThrow();

        pricing.price(TWO_SEATS, "EUR", NOW.plusSeconds(5));
        orders.save(pricing);
        expiring.cancel(NOW.plusSeconds(6));

        assertThatThrownBy(() -> orders.save(expiring)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        SaleOrderEntity read = orders.findById(orderId).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(OrderStatus.PRICED);
        assertThat(read.getVersion()).isEqualTo(1);
    }

    @Test
    void twoOrdersCannotAwaitPaymentUnderTheSameKey() {
        String performanceId = storedPerformance();
        String key = newId("pay");
        SaleOrderEntity first = orders.findById(storedOrder(performanceId)).orElseThrow();
        first.price(TWO_SEATS, "EUR", NOW);
        first.awaitPayment(key, NOW);
        orders.saveAndFlush(first);
        SaleOrderEntity second = orders.findById(storedOrder(performanceId)).orElseThrow();
        second.price(TWO_SEATS, "EUR", NOW);
        second.awaitPayment(key, NOW);

        assertThatThrownBy(() -> orders.saveAndFlush(second))
                .satisfies(thrown -> assertUniqueViolation(thrown, "uq_sale_order_payment_key"));
        assertThat(orders.findByPaymentIdempotencyKey(key)).get().extracting(SaleOrderEntity::getId)
                .isEqualTo(first.getId());
        assertThat(orders.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.HELD);
    }

    @Test
    void ordersStuckInAStatusAreFoundOldestFirst() {
        String performanceId = storedPerformance();
        String longAgo = pendingOrder(performanceId, NOW.minus(Duration.ofMinutes(30)));
        String aWhileAgo = pendingOrder(performanceId, NOW.minus(Duration.ofMinutes(10)));
        String justNow = pendingOrder(performanceId, NOW.minusSeconds(5));

        List<String> stuck = orders.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(OrderStatus.PAYMENT_PENDING,
                NOW.minus(Duration.ofMinutes(1))).stream().map(SaleOrderEntity::getId).toList();

        assertThat(stuck).containsSubsequence(longAgo, aWhileAgo).doesNotContain(justNow);
        assertThat(orders.findByPerformanceIdAndStatus(performanceId, OrderStatus.PAYMENT_PENDING)).hasSize(3);
    }

    @Test
    void twoPaymentsCannotShareAnIdempotencyKey() {
        String orderId = storedOrder(storedPerformance());
        String key = newId("idem");
        PaymentEntity first = payments.saveAndFlush(PaymentEntity.card(newUuid(), orderId, 10400, "EUR", key, NOW));

        assertThatThrownBy(() -> payments.saveAndFlush(PaymentEntity.card(newUuid(), orderId, 10400, "EUR", key, NOW)))
                .satisfies(thrown -> assertUniqueViolation(thrown, "uq_payment_idempotency_key"));
        assertThat(payments.findByOrderIdOrderByCreatedAt(orderId)).extracting(PaymentEntity::getId)
                .containsExactly(first.getId());
        assertThat(payments.findByIdempotencyKey(key)).get().extracting(PaymentEntity::getId).isEqualTo(first.getId());
    }

    @Test
    void cashPaymentRecordsTenderedAndChange() {
        String orderId = storedOrder(storedPerformance());

        PaymentEntity stored = payments.save(
                PaymentEntity.cash(newUuid(), orderId, 10400, "EUR", 20000, newId("idem"), NOW));

        PaymentEntity read = payments.findById(stored.getId()).orElseThrow();
        assertThat(read.getMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(read.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(read.getAmountMinor()).isEqualTo(10400);
        assertThat(read.getTenderedMinor()).isEqualTo(20000L);
        assertThat(read.getChangeMinor()).isEqualTo(9600L);
    }

    @Test
    void cardPaymentGoesFromUnknownThroughAuthorisationToCapture() {
        String orderId = storedOrder(storedPerformance());
        PaymentEntity requested = payments.save(
                PaymentEntity.card(newUuid(), orderId, 10400, "EUR", newId("idem"), NOW));
        assertThat(payments.findByStatusOrderByCreatedAt(PaymentStatus.UNKNOWN)).extracting(PaymentEntity::getId)
                .contains(requested.getId());

        PaymentEntity authorised = payments.findById(requested.getId()).orElseThrow();
        authorised.markAuthorised("psp-123", NOW.plusSeconds(3));
        payments.save(authorised);
        PaymentEntity captured = payments.findById(requested.getId()).orElseThrow();
        captured.markCaptured(null, NOW.plusSeconds(9));
        payments.save(captured);

        PaymentEntity read = payments.findById(requested.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(read.getProviderReference()).isEqualTo("psp-123");
        assertThat(read.getTenderedMinor()).isNull();
        assertThat(read.getUpdatedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(payments.findByStatusOrderByCreatedAt(PaymentStatus.UNKNOWN)).extracting(PaymentEntity::getId)
                .doesNotContain(requested.getId());
    }

    private String pendingOrder(String performanceId, Instant at) {
        SaleOrderEntity order = SaleOrderEntity.open(newUuid(), performanceId, Channel.ONLINE, null, "b@example.org",
                newId("hold"), at);
        order.price(TWO_SEATS, "EUR", at);
        order.awaitPayment(newId("pay"), at);
        return orders.save(order).getId();
    }

    /** Applies one step to a freshly loaded copy and stores it, as each step of a real sale does. */
    private SaleOrderEntity step(SaleOrderEntity order, Consumer<SaleOrderEntity> change) {
        SaleOrderEntity loaded = orders.findById(order.getId()).orElseThrow();
        change.accept(loaded);
        return orders.save(loaded);
    }
}
