package com.boxoffice.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;

class SaleOrderEntityTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:30:00Z");

    private static SaleOrderEntity heldOrder() {
        return SaleOrderEntity.open("0b6f7c1e-0000-4000-8000-000000000001", "perf-1", Channel.BOX_OFFICE, "BO-1",
                null, "hold-1", NOW);
    }

    @Test
    void pricingFixesEachSeatPriceAndTotalsThem() {
        SaleOrderEntity order = heldOrder();

        order.price(List.of(new OrderSeat("S-2", "B", 3900), new OrderSeat("S-1", "A", 6500)), "EUR", NOW.plusSeconds(1));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PRICED);
        assertThat(order.getTotalMinor()).isEqualTo(10400L);
        assertThat(order.getSeats()).extracting(OrderSeat::seatId).containsExactly("S-1", "S-2");
        assertThat(order.getUpdatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aSeatCannotBePricedTwiceInOneOrder() {
        SaleOrderEntity order = heldOrder();

        assertThatThrownBy(() -> order.price(
                List.of(new OrderSeat("S-1", "A", 6500), new OrderSeat("S-1", "A", 6500)), "EUR", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.HELD);
        assertThat(order.getTotalMinor()).isNull();
    }

    @Test
    void anOrderCannotBePaidBeforeAPaymentWasStarted() {
        SaleOrderEntity order = heldOrder();
        order.price(List.of(new OrderSeat("S-1", "A", 6500)), "EUR", NOW);

        assertThatThrownBy(() -> order.markPaid(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PRICED);
    }

    @Test
    void anOrderWithAPaymentUnderWayCannotBeCancelledButEachAttemptTouchesIt() {
        SaleOrderEntity order = heldOrder();
        order.price(List.of(new OrderSeat("S-1", "A", 6500)), "EUR", NOW);
        assertThatThrownBy(() -> order.recordPaymentAttempt(NOW)).isInstanceOf(IllegalStateException.class);
        order.awaitPayment("pay-1", NOW);
        order.recordPaymentAttempt(NOW.plusSeconds(30));

        assertThat(order.getUpdatedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPaidOrderCanOnlyBeConfirmedOrRefundedNeverFailedOrCancelled() {
        SaleOrderEntity order = heldOrder();
        order.price(List.of(new OrderSeat("S-1", "A", 6500)), "EUR", NOW);
        order.awaitPayment("pay-1", NOW);
        order.markPaid(NOW);

        assertThatThrownBy(() -> order.fail("seat conflict", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(IllegalStateException.class);
        order.markRefunded(NOW.plusSeconds(5));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.getStatus().isFinal()).isTrue();
    }

    @Test
    void aFailedOrderKeepsItsReason() {
        SaleOrderEntity order = heldOrder();

        order.fail("hold expired", NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(order.getFailureReason()).isEqualTo("hold expired");
        assertThatThrownBy(() -> order.price(List.of(new OrderSeat("S-1", "A", 1)), "EUR", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void windowAndKioskSalesNeedATerminalButOnlineSalesDoNot() {
        assertThatThrownBy(() -> SaleOrderEntity.open("id-1", "perf-1", Channel.KIOSK, null, null, "h", NOW))
                .isInstanceOf(IllegalArgumentException.class);

        SaleOrderEntity online = SaleOrderEntity.open("id-2", "perf-1", Channel.ONLINE, null, "b@example.org", "h", NOW);

        assertThat(online.getTerminalId()).isNull();
        assertThat(online.isNew()).isTrue();
    }
}
