package com.boxoffice.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PaymentEntityTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:30:00Z");

    @Test
    void cashIsCapturedOnTheSpotWithItsChange() {
        PaymentEntity cash = PaymentEntity.cash("p-1", "o-1", 4250, "EUR", 5000, "k-1", NOW);

        assertThat(cash.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(cash.getChangeMinor()).isEqualTo(750L);
    }

    @Test
    void cashThatDoesNotCoverTheAmountIsRefused() {
        assertThatThrownBy(() -> PaymentEntity.cash("p-1", "o-1", 4250, "EUR", 4000, "k-1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardPaymentStartsUnknownUntilTheProviderAnswers() {
        PaymentEntity card = PaymentEntity.card("p-1", "o-1", 4250, "EUR", "k-1", NOW);

        assertThat(card.getStatus()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(card.getTenderedMinor()).isNull();
        assertThat(card.getChangeMinor()).isNull();
    }

    @Test
    void aDeclinedPaymentCannotBeCapturedLater() {
        PaymentEntity card = PaymentEntity.card("p-1", "o-1", 4250, "EUR", "k-1", NOW);
        card.markDeclined(NOW.plusSeconds(2));

        assertThatThrownBy(() -> card.markCaptured("psp-9", NOW.plusSeconds(3)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(card.getStatus()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(card.getProviderReference()).isNull();
    }

    @Test
    void onlyCapturedMoneyCanBeRefunded() {
        PaymentEntity card = PaymentEntity.card("p-1", "o-1", 4250, "EUR", "k-1", NOW);
        card.markAuthorised("psp-1", NOW);

        assertThatThrownBy(() -> card.markRefunded(NOW)).isInstanceOf(IllegalStateException.class);
        card.markCaptured(null, NOW);
        card.markRefunded(NOW.plusSeconds(60));

        assertThat(card.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(card.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
