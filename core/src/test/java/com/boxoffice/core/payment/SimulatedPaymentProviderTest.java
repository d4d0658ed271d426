package com.boxoffice.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTest {

    private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(SimulatedPaymentProvider.Settings.INSTANT);

    private static ChargeRequest charge(String key, long amount, SimulatedOutcome outcome) {
        return new ChargeRequest(key, amount, "EUR", "2 seats", outcome);
    }

    @Test
    void chargingTwiceUnderOneKeyChargesOnceAndAnswersTheFirstResult() {
        ChargeResult first = provider.charge(charge("k1", 5000, SimulatedOutcome.APPROVE));
        ChargeResult second = provider.charge(charge("k1", 5000, SimulatedOutcome.DECLINE));
        assertThat(second).isEqualTo(first);
        assertThat(first.approved()).isTrue();
        assertThat(provider.chargedMinor()).isEqualTo(5000);
    }

    @Test
    void aDeclineTakesNoMoney() {
        ChargeResult result = provider.charge(charge("k1", 5000, SimulatedOutcome.DECLINE));
        assertThat(result.approved()).isFalse();
        assertThat(result.declineReason()).isNotBlank();
        assertThat(provider.chargedMinor()).isZero();
    }

    @Test
    void aTimeoutIsAmbiguousUntilLookedUp() {
        assertThatThrownBy(() -> provider.charge(charge("charged", 4000, SimulatedOutcome.TIMEOUT_CHARGED)))
                .isInstanceOf(PaymentTimeoutException.class);
        assertThatThrownBy(() -> provider.charge(charge("lost", 4000, SimulatedOutcome.TIMEOUT_NOT_CHARGED)))
                .isInstanceOf(PaymentTimeoutException.class);

        assertThat(provider.lookup("charged")).hasValueSatisfying(r -> assertThat(r.approved()).isTrue());
        assertThat(provider.lookup("lost")).isEmpty();
        // retrying the charged key does not charge again
        assertThat(provider.charge(charge("charged", 4000, SimulatedOutcome.APPROVE)).approved()).isTrue();
        assertThat(provider.chargedMinor()).isEqualTo(4000);
    }

    @Test
    void aTimedOutChargeCannotBeLookedUpUntilTheGatewayCatchesUp() throws InterruptedException {
        SimulatedPaymentProvider lagging = new SimulatedPaymentProvider(new SimulatedPaymentProvider.Settings(
                Duration.ZERO, Duration.ZERO, 0, 0, Duration.ofMillis(300)));
        assertThatThrownBy(() -> lagging.charge(charge("charged", 4000, SimulatedOutcome.TIMEOUT_CHARGED)))
                .isInstanceOf(PaymentTimeoutException.class);
        lagging.charge(charge("approved", 1000, SimulatedOutcome.APPROVE));

        assertThatThrownBy(() -> lagging.lookup("charged")).isInstanceOf(PaymentTimeoutException.class);
        assertThat(lagging.lookup("approved")).as("answered charges are known at once").isPresent();
        Thread.sleep(400);
        assertThat(lagging.lookup("charged")).hasValueSatisfying(r -> assertThat(r.approved()).isTrue());
        assertThat(lagging.chargedMinor()).isEqualTo(5000);
    }

    @Test
    void refundGivesMoneyBackOnceAndOnlyForApprovedCharges() {
        provider.charge(charge("k1", 3000, SimulatedOutcome.APPROVE));
        provider.charge(charge("k2", 3000, SimulatedOutcome.DECLINE));
        assertThat(provider.refund("k1").refunded()).isTrue();
        assertThat(provider.refund("k1").refunded()).isTrue();
        assertThat(provider.refund("k2").refunded()).isFalse();
        assertThat(provider.refund("never").refunded()).isFalse();
        assertThat(provider.netChargedMinor()).isZero();
    }

    @Test
    void aVoidedKeyRefusesALateChargeAndGivesBackAnApprovedOne() {
        provider.voidCharge("late");
        assertThat(provider.charge(charge("late", 3000, SimulatedOutcome.APPROVE)).approved()).isFalse();
        provider.charge(charge("done", 3000, SimulatedOutcome.APPROVE));
        assertThat(provider.voidCharge("done").refunded()).isTrue();
        assertThat(provider.netChargedMinor()).isZero();
        assertThat(provider.chargedMinor()).isEqualTo(3000);
    }

    @Test
    void randomChargesDeclineAndTimeOutAtRoughlyTheConfiguredRates() {
        SimulatedPaymentProvider flaky = new SimulatedPaymentProvider(
                new SimulatedPaymentProvider.Settings(Duration.ZERO, Duration.ZERO, 0.2, 0.1));
        int declined = 0;
        int timedOut = 0;
        for (int i = 0; i < 5000; i++) {
            try {
                if (!flaky.charge(charge("r" + i, 100, SimulatedOutcome.RANDOM)).approved()) {
                    declined++;
                }
            } catch (PaymentTimeoutException e) {
                timedOut++;
            }
        }
        assertThat(declined).isBetween(850, 1150);
        assertThat(timedOut).isBetween(400, 600);
    }

    @Test
    void latencyIsReal() {
        SimulatedPaymentProvider slow = new SimulatedPaymentProvider(
                new SimulatedPaymentProvider.Settings(Duration.ofMillis(50), Duration.ofMillis(50), 0, 0));
        long start = System.nanoTime();
        slow.charge(charge("k", 100, SimulatedOutcome.APPROVE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void zeroOrNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> charge("k", 0, SimulatedOutcome.APPROVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> charge("k", -5, SimulatedOutcome.APPROVE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialRefundsAreIdempotentByRefundKeyAndNeverExceedTheCharge() {
        provider.charge(charge("c1", 10000, SimulatedOutcome.APPROVE));

        assertThat(provider.refund("c1", "r1", 4000).refunded()).isTrue();
        assertThat(provider.refund("c1", "r1", 4000).refunded()).isTrue();
        assertThat(provider.refundedMinor("c1")).isEqualTo(4000);

        assertThat(provider.refund("c1", "r2", 7000).refunded()).isFalse();
        assertThat(provider.refundedMinor("c1")).isEqualTo(4000);
        assertThat(provider.refund("c1", "r3", 6000).refunded()).isTrue();
        assertThat(provider.netChargedMinor()).isZero();
        assertThat(provider.refund("never", "r4", 100).refunded()).isFalse();
    }

    @Test
    void aWholeRefundAfterAPartOneGivesBackOnlyWhatIsLeft() {
        provider.charge(charge("c1", 10000, SimulatedOutcome.APPROVE));
        provider.refund("c1", "r1", 2500);
        provider.refund("c1");
        provider.refund("c1");
        assertThat(provider.refundedMinor("c1")).isEqualTo(10000);
        assertThat(provider.netChargedMinor()).isZero();
    }
}
