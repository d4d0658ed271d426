package com.boxoffice.core.payment;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A card provider that behaves like a real one where it matters: it takes time, declines some
 * cards, and sometimes does not answer, having charged or not. It keeps its own ledger, so it can be
 * asked later what really happened and proves that no key was ever charged twice.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    /**
     * @param minLatency   shortest time a charge takes
     * @param maxLatency   longest time a charge takes
     * @param declineRate  share of RANDOM charges declined (0 to 1)
     * @param timeoutRate  share of RANDOM charges that time out (0 to 1); half of those are charged
     * @param lookupLag    how long after a charge timed out the provider still cannot say what became
     *                     of it (look-ups fail until then), as an online gateway's status lags behind
     */
    public record Settings(Duration minLatency, Duration maxLatency, double declineRate, double timeoutRate,
                           Duration lookupLag) {

        public static final Settings INSTANT = new Settings(Duration.ZERO, Duration.ZERO, 0, 0);
        public static final Settings REALISTIC = new Settings(Duration.ofMillis(300), Duration.ofMillis(1500), 0.05, 0.02);

        /** Settings whose timed-out charges can be looked up at once. */
        public Settings(Duration minLatency, Duration maxLatency, double declineRate, double timeoutRate) {
            this(minLatency, maxLatency, declineRate, timeoutRate, Duration.ZERO);
        }
    }

    private final Settings settings;
    private final Map<String, ChargeResult> ledger = new ConcurrentHashMap<>();
    /** Money given back so far, by charge key. */
    private final Map<String, Long> refundedByCharge = new ConcurrentHashMap<>();
    /** Answers already given, by refund key. */
    private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();
    private final Set<String> voided = ConcurrentHashMap.newKeySet();
    /** When the outcome of each timed-out charge becomes known to look-ups (nano time). */
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();
    private final AtomicLong chargedMinor = new AtomicLong();
    private final AtomicLong refundedMinor = new AtomicLong();

    public SimulatedPaymentProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        ChargeResult known = ledger.get(request.idempotencyKey());
        if (known != null) {
            return known;
        }
        pause();
        if (voided.contains(request.idempotencyKey())) {
            return record(request, false, "Payment cancelled by the terminal");
        }
        SimulatedOutcome outcome = request.simulate() == SimulatedOutcome.RANDOM ? draw() : request.simulate();
        return switch (outcome) {
            case DECLINE -> record(request, false, "Card declined by the issuer");
            case TIMEOUT_CHARGED -> {
                record(request, true, null);
                throw timedOut(request);
            }
            case TIMEOUT_NOT_CHARGED -> throw timedOut(request);
            default -> record(request, true, null);
        };
    }

    private PaymentTimeoutException timedOut(ChargeRequest request) {
        if (!settings.lookupLag().isZero()) {
            unknownUntil.put(request.idempotencyKey(), System.nanoTime() + settings.lookupLag().toNanos());
        }
        return new PaymentTimeoutException(request.idempotencyKey());
    }

    private ChargeResult record(ChargeRequest request, boolean approved, String declineReason) {
        ChargeResult result = new ChargeResult(request.idempotencyKey(), approved,
                "sim-" + UUID.randomUUID(), request.amountMinor(), request.currency(), declineReason);
        ChargeResult first = ledger.putIfAbsent(request.idempotencyKey(), result);
        if (first != null) {
            return first;
        }
        if (approved) {
            chargedMinor.addAndGet(request.amountMinor());
        }
        return result;
    }

    private SimulatedOutcome draw() {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < settings.declineRate()) {
            return SimulatedOutcome.DECLINE;
        }
        if (roll < settings.declineRate() + settings.timeoutRate()) {
            return ThreadLocalRandom.current().nextBoolean() ? SimulatedOutcome.TIMEOUT_CHARGED : SimulatedOutcome.TIMEOUT_NOT_CHARGED;
        }
        return SimulatedOutcome.APPROVE;
    }

    private void pause() {
        long min = settings.minLatency().toMillis();
        long max = settings.maxLatency().toMillis();
        long millis = max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<ChargeResult> lookup(String idempotencyKey) {
        Long until = unknownUntil.get(idempotencyKey);
        if (until != null) {
            if (System.nanoTime() - until < 0) {
                throw new PaymentTimeoutException(idempotencyKey);
            }
            unknownUntil.remove(idempotencyKey);
        }
        return Optional.ofNullable(ledger.get(idempotencyKey));
    }

    @Override
    public RefundResult refund(String idempotencyKey) {
        synchronized (refunds) {
            ChargeResult charge = ledger.get(idempotencyKey);
            if (charge == null || !charge.approved()) {
                return new RefundResult(idempotencyKey, false, 0);
            }
            long left = charge.amountMinor() - refundedByCharge.getOrDefault(idempotencyKey, 0L);
            if (left > 0) {
                give(idempotencyKey, left);
            }
            return new RefundResult(idempotencyKey, true, charge.amountMinor());
        }
    }

    @Override
    public RefundResult refund(String chargeKey, String refundKey, long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A refund must be for a positive amount, not " + amountMinor);
        }
        synchronized (refunds) {
            RefundResult earlier = refunds.get(refundKey);
            if (earlier != null) {
                return earlier;
            }
            ChargeResult charge = ledger.get(chargeKey);
            long already = refundedByCharge.getOrDefault(chargeKey, 0L);
            RefundResult result;
            if (charge == null || !charge.approved() || already + amountMinor > charge.amountMinor()) {
                result = new RefundResult(refundKey, false, 0);
            } else {
                give(chargeKey, amountMinor);
                result = new RefundResult(refundKey, true, amountMinor);
            }
            refunds.put(refundKey, result);
            return result;
        }
    }

    private void give(String chargeKey, long amountMinor) {
        refundedByCharge.merge(chargeKey, amountMinor, Long::sum);
        refundedMinor.addAndGet(amountMinor);
    }

    /** Money given back under one charge so far. */
    public long refundedMinor(String chargeKey) {
        return refundedByCharge.getOrDefault(chargeKey, 0L);
    }

    @Override
    public RefundResult voidCharge(String idempotencyKey) {
        voided.add(idempotencyKey);
        return refund(idempotencyKey);
    }

    /** Money taken and not given back, over every key: what the buyers are out of pocket. */
    public long netChargedMinor() {
        return chargedMinor.get() - refundedMinor.get();
    }

    /** Money given back over every key. */
    public long refundedMinor() {
        return refundedMinor.get();
    }

    /** Money taken over every key, refunds not subtracted. */
    public long chargedMinor() {
        return chargedMinor.get();
    }
}
