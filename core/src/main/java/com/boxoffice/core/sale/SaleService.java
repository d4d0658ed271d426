package com.boxoffice.core.sale;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldEndedException;
import com.boxoffice.core.hold.HoldExpiredException;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.UnknownHoldException;
import com.boxoffice.core.payment.ChargeRequest;
import com.boxoffice.core.payment.ChargeResult;
import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentProvider;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.payment.PaymentTimeoutException;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;

/**
 * A sale as a small state machine over the journal:
 * hold &rarr; price locked &rarr; payment pending &rarr; paid &rarr; seats confirmed &rarr; tickets.
 *
 * <p>Each step is committed before the next external call (card provider, hold store), and each is
 * safe to repeat: a payment is written down before the card is charged, under an idempotency key,
 * so a crash or a timeout leaves a key to look up and never a second charge; confirming a hold is
 * idempotent on its id; tickets have ids derived from order and seat. {@link #recover(Instant)}
 * finishes or unwinds whatever a crash interrupted.
 */
public class SaleService {

    private static final Logger log = LoggerFactory.getLogger(SaleService.class);

    private final HoldStore holds;
    private final PerformanceSeatings seatings;
    private final HoldTokens tokens;
    private final PaymentProvider cards;
    private final SaleOrderRepository orders;
    private final PaymentRepository payments;
    private final TicketRepository tickets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SaleCheckpoints checkpoints;

    public SaleService(HoldStore holds, PerformanceSeatings seatings, HoldTokens tokens, PaymentProvider cards,
                       SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                       TransactionTemplate tx, Clock clock, SaleCheckpoints checkpoints) {
        this.holds = holds;
        this.seatings = seatings;
        this.tokens = tokens;
        this.cards = cards;
        this.orders = orders;
        this.payments = payments;
        this.tickets = tickets;
        this.tx = tx;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /** Holds the seats and locks their prices in a new order. */
    public Basket start(HoldRequest request) {
        Hold hold = holds.hold(request);
        PerformanceSeating seating = seatings.seating(request.performanceId());
        Basket basket;
        try {
            basket = inTx(() -> {
                Instant now = clock.instant();
                String orderId = UUID.randomUUID().toString();
                SaleOrderEntity order = SaleOrderEntity.open(orderId, request.performanceId(), request.channel(),
                        request.terminalId(), request.buyer(), hold.holdId(), now);
                List<OrderSeat> priced = price(seating, hold.seatIds());
                String currency = currencyOf(seating, priced);
                order.price(priced, currency, now);
                orders.save(order);
                return new Basket(orderId, hold, order.getSeats(), order.getTotalMinor(), currency);
            });
        } catch (RuntimeException e) {
            releaseQuietly(hold.holdId());
            throw e;
        }
        checkpoints.reached(SaleStep.PRICED, basket.orderId());
        return basket;
    }

    private static List<OrderSeat> price(PerformanceSeating seating, List<String> seatIds) {
        Map<String, PriceTier> tiers = seating.performance().tiersByCategory();
        SeatLayout layout = seating.layout();
        List<OrderSeat> out = new ArrayList<>();
        for (String seatId : seatIds) {
            String category = layout.categoryOf(layout.indexOf(seatId));
            PriceTier tier = tiers.get(category);
            if (tier == null) {
                throw new InvalidSaleRequestException("Performance " + seating.performance().id()
                        + " has no price for category " + category + " (seat " + seatId + ")");
            }
            out.add(new OrderSeat(seatId, category, tier.priceMinor()));
        }
        return out;
    }

    private static String currencyOf(PerformanceSeating seating, List<OrderSeat> seats) {
        Map<String, PriceTier> tiers = seating.performance().tiersByCategory();
        String currency = null;
        for (OrderSeat seat : seats) {
            String c = tiers.get(seat.category()).currency();
            if (currency != null && !currency.equals(c)) {
                throw new InvalidSaleRequestException("Seats priced in two currencies cannot be sold in one order");
            }
            currency = c;
        }
        return currency;
    }

    /** Abandons a sale before payment: the seats go back on sale. */
    public void cancel(String orderId) {
        SaleOrderEntity order = load(orderId);
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return;
        }
        if (order.getStatus() != OrderStatus.HELD && order.getStatus() != OrderStatus.PRICED) {
            throw new InvalidSaleRequestException("Order " + orderId + " is " + order.getStatus() + " and cannot be cancelled");
        }
        releaseQuietly(order.getHoldId());
        inTx(() -> {
            SaleOrderEntity fresh = load(orderId);
            fresh.cancel(clock.instant());
            return orders.save(fresh);
        });
    }

    /**
     * Pays what is still due with the given tenders (together they must pay it exactly; cash may be
     * over-tendered and gives change) and completes the sale. Paying a completed order again answers
     * its receipt and takes nothing.
     *
     * @throws PaymentDeclinedException       a card was declined; pay the rest another way
     * @throws PaymentOutcomeUnknownException a card got no answer; {@link #recover} settles it
     * @throws SaleFailedException            the seats were lost; all money taken was given back
     */
    public SaleReceipt pay(String orderId, List<Tender> tenders) {
        SaleOrderEntity order = load(orderId);
        if (order.getStatus() == OrderStatus.CONFIRMED) {
            return receipt(order);
        }
        if (order.getStatus() == OrderStatus.PAID) {
            return confirmSeats(orderId);
        }
        if (order.getStatus() != OrderStatus.PRICED && order.getStatus() != OrderStatus.PAYMENT_PENDING) {
            throw new InvalidSaleRequestException("Order " + orderId + " is " + order.getStatus() + " and cannot be paid");
        }
        long due = order.getTotalMinor() - captured(orderId);
        checkTenders(tenders, due);

        List<String> cardPaymentIds = inTx(() -> {
            Instant now = clock.instant();
            SaleOrderEntity fresh = load(orderId);
            if (fresh.getStatus() == OrderStatus.PRICED) {
                fresh.awaitPayment(orderId, now);
                orders.save(fresh);
            }
            List<String> ids = new ArrayList<>();
            for (Tender tender : tenders) {
                if (tender instanceof Tender.Card card) {
                    String paymentId = UUID.randomUUID().toString();
                    payments.save(PaymentEntity.card(paymentId, orderId, card.amountMinor(), fresh.getCurrency(), paymentId, now));
                    ids.add(paymentId);
                }
            }
            return ids;
        });
        checkpoints.reached(SaleStep.PAYMENT_PENDING, orderId);

        int card = 0;
        for (Tender tender : tenders) {
            if (tender instanceof Tender.Card c) {
                chargeCard(order, cardPaymentIds.get(card++), c.simulate());
            }
        }
        inTx(() -> {
            Instant now = clock.instant();
            for (Tender tender : tenders) {
                if (tender instanceof Tender.Cash cash) {
                    String paymentId = UUID.randomUUID().toString();
                    payments.save(PaymentEntity.cash(paymentId, orderId, cash.amountMinor(), order.getCurrency(),
                            cash.tenderedMinor(), paymentId, now));
                }
            }
            SaleOrderEntity fresh = load(orderId);
            fresh.markPaid(now);
            return orders.save(fresh);
        });
        checkpoints.reached(SaleStep.PAID, orderId);
        return confirmSeats(orderId);
    }

    private static void checkTenders(List<Tender> tenders, long due) {
        if (tenders == null || tenders.isEmpty()) {
            throw new InvalidSaleRequestException("No payment given");
        }
        long sum = 0;
        for (Tender tender : tenders) {
            if (tender.amountMinor() <= 0) {
                throw new InvalidSaleRequestException("Every part of a payment must be a positive amount");
            }
            if (tender instanceof Tender.Cash cash && cash.tenderedMinor() < cash.amountMinor()) {
                throw new InvalidSaleRequestException("Cash handed over (" + cash.tenderedMinor()
                        + ") does not cover its part (" + cash.amountMinor() + ")");
            }
            sum = Math.addExact(sum, tender.amountMinor());
        }
        if (sum != due) {
            throw new InvalidSaleRequestException("The payment adds up to " + sum + " but " + due + " is due");
        }
    }

    /** Charges one journalled card payment and records the answer; unclear answers are looked up. */
    private void chargeCard(SaleOrderEntity order, String paymentId, SimulatedOutcome simulate) {
        PaymentEntity payment = payments.findById(paymentId).orElseThrow();
        try {
            ChargeResult result = cards.charge(new ChargeRequest(paymentId, payment.getAmountMinor(), order.getCurrency(),
                    "Tickets, order " + order.getId(), simulate));
            settle(paymentId, Optional.of(result));
        } catch (PaymentTimeoutException e) {
            Optional<ChargeResult> truth;
            try {
                truth = cards.lookup(paymentId);
            } catch (RuntimeException lookupFailed) {
                throw new PaymentOutcomeUnknownException("The card terminal did not answer; payment " + paymentId
                        + " will be checked before anything is charged again");
            }
            settle(paymentId, truth);
        }
        PaymentEntity settled = payments.findById(paymentId).orElseThrow();
        if (settled.getStatus() != PaymentStatus.CAPTURED) {
            long stillDue = order.getTotalMinor() - captured(order.getId());
            throw new PaymentDeclinedException(settled.getStatus() == PaymentStatus.DECLINED
                    ? "The card was declined; " + stillDue + " is still due"
                    : "The card terminal did not answer and nothing was charged; " + stillDue + " is still due", stillDue);
        }
    }

    /** Records what the provider says happened: approved, declined, or (empty) never charged. */
    private void settle(String paymentId, Optional<ChargeResult> result) {
        inTx(() -> {
            PaymentEntity payment = payments.findById(paymentId).orElseThrow();
            if (payment.getStatus() != PaymentStatus.UNKNOWN) {
                return payment;
            }
            Instant now = clock.instant();
            if (result.isEmpty()) {
                payment.markVoided(now);
            } else if (result.get().approved()) {
                payment.markCaptured(result.get().reference(), now);
            } else {
                payment.markDeclined(now);
            }
            return payments.save(payment);
        });
    }

    /** Sells the held seats and writes the tickets; on lost seats gives all the money back. */
    private SaleReceipt confirmSeats(String orderId) {
        SaleOrderEntity order = load(orderId);
        try {
            holds.confirm(order.getHoldId(), tokens.token(order.getHoldId()), orderId);
        } catch (HoldExpiredException | HoldEndedException e) {
            refundAll(orderId, "The hold ran out before payment completed and the seats were taken");
            throw new SaleFailedException("The seats were taken after the hold ran out; the payment was refunded");
        } catch (UnknownHoldException e) {
            // the live state was rebuilt from the database while the sale was paying: its hold is gone
            refundAll(orderId, "The hold was dropped when the seat state was rebuilt");
            throw new SaleFailedException("The hold on the seats was lost; the payment was refunded");
        }
        checkpoints.reached(SaleStep.SEATS_CONFIRMED, orderId);
        try {
            inTx(() -> {
                SaleOrderEntity fresh = load(orderId);
                if (fresh.getStatus() == OrderStatus.CONFIRMED) {
                    return fresh;
                }
                Instant now = clock.instant();
                for (OrderSeat seat : fresh.getSeats()) {
                    String ticketId = ticketId(orderId, seat.seatId());
                    if (!tickets.existsById(ticketId)) {
                        tickets.save(TicketEntity.issue(ticketId, orderId, fresh.getPerformanceId(), seat.seatId(),
                                seat.priceMinor(), now));
                    }
                }
                fresh.confirm(now);
                return orders.save(fresh);
            });
        } catch (DataIntegrityViolationException e) {
            // The database's last safety net refused a second live ticket for a seat.
            log.error("Order {} was refused a ticket the database already holds for another order", orderId, e);
            refundAll(orderId, "A seat of the order already has a live ticket");
            throw new SaleFailedException("A seat of this order was already sold; the payment was refunded");
        }
        checkpoints.reached(SaleStep.CONFIRMED, orderId);
        return receipt(load(orderId));
    }

    /** Gives back every captured payment of an order and closes it. */
    private void refundAll(String orderId, String reason) {
        for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(orderId)) {
            if (payment.getStatus() == PaymentStatus.CAPTURED) {
                if (payment.getMethod() == PaymentMethod.CARD) {
                    cards.refund(payment.getIdempotencyKey());
                }
                inTx(() -> {
                    PaymentEntity fresh = payments.findById(payment.getId()).orElseThrow();
                    fresh.markRefunded(clock.instant());
                    return payments.save(fresh);
                });
            }
        }
        inTx(() -> {
            SaleOrderEntity fresh = load(orderId);
            if (fresh.getStatus() == OrderStatus.PAID || fresh.getStatus() == OrderStatus.CONFIRMED) {
                fresh.markRefunded(clock.instant());
            } else if (!fresh.getStatus().isFinal()) {
                fresh.fail(reason, clock.instant());
            }
            return orders.save(fresh);
        });
    }

    /**
     * Finishes or unwinds sales a crash interrupted, last touched before {@code olderThan} (a
     * terminal at start-up passes now; a server passes now less a grace, so it leaves alone sales
     * another instance is in the middle of). Safe to run any number of times.
     */
    public RecoveryReport recover(Instant olderThan) {
        int[] tally = new int[4];
        for (OrderStatus status : List.of(OrderStatus.PAYMENT_PENDING, OrderStatus.PAID, OrderStatus.HELD, OrderStatus.PRICED)) {
            for (SaleOrderEntity order : orders.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(status, olderThan)) {
                try {
                    tally[recoverOne(order).ordinal()]++;
                } catch (RuntimeException e) {
                    // one order that cannot be settled now must not keep the others from recovery
                    log.error("Could not recover order {} ({}); it is left as it is for the next run", order.getId(), status, e);
                    tally[Recovered.FAILED.ordinal()]++;
                }
            }
        }
        return new RecoveryReport(tally[Recovered.COMPLETED.ordinal()], tally[Recovered.UNWOUND.ordinal()],
                tally[Recovered.STILL_UNKNOWN.ordinal()], tally[Recovered.FAILED.ordinal()]);
    }

    private enum Recovered {
        COMPLETED, UNWOUND, STILL_UNKNOWN, FAILED
    }

    private Recovered recoverOne(SaleOrderEntity order) {
        switch (order.getStatus()) {
            case HELD, PRICED -> {
                cancel(order.getId());
                return Recovered.UNWOUND;
            }
            case PAID -> {
                return finish(order.getId()) ? Recovered.COMPLETED : Recovered.UNWOUND;
            }
            default -> {
                for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(order.getId())) {
                    if (payment.getStatus() == PaymentStatus.UNKNOWN) {
                        try {
                            settle(payment.getId(), cards.lookup(payment.getIdempotencyKey()));
                        } catch (RuntimeException e) {
                            return Recovered.STILL_UNKNOWN;
                        }
                    }
                }
                if (captured(order.getId()) == order.getTotalMinor()) {
                    inTx(() -> {
                        SaleOrderEntity fresh = load(order.getId());
                        fresh.markPaid(clock.instant());
                        return orders.save(fresh);
                    });
                    return finish(order.getId()) ? Recovered.COMPLETED : Recovered.UNWOUND;
                }
                refundAll(order.getId(), "The sale was interrupted before it was fully paid");
                releaseQuietly(order.getHoldId());
                return Recovered.UNWOUND;
            }
        }
    }

    /** Confirms a paid order; false when its seats were lost and it was refunded instead. */
    private boolean finish(String orderId) {
        try {
            confirmSeats(orderId);
            return true;
        } catch (SaleFailedException e) {
            return false;
        }
    }

    /**
     * What a recovery run did.
     *
     * @param completed    sales finished (tickets written)
     * @param unwound      sales given up, their money refunded and their seats released
     * @param stillUnknown sales whose card payment the provider could not yet say anything about
     * @param failed       sales that could not be settled now (logged); the next run tries again
     */
    public record RecoveryReport(int completed, int unwound, int stillUnknown, int failed) {
    }

    private SaleReceipt receipt(SaleOrderEntity order) {
        List<SaleReceipt.IssuedTicket> issued = new ArrayList<>();
        for (OrderSeat seat : order.getSeats()) {
            issued.add(new SaleReceipt.IssuedTicket(ticketId(order.getId(), seat.seatId()), seat.seatId(), seat.priceMinor()));
        }
        long change = payments.findByOrderIdOrderByCreatedAt(order.getId()).stream()
                .filter(p -> p.getMethod() == PaymentMethod.CASH && p.getStatus() == PaymentStatus.CAPTURED)
                .mapToLong(p -> p.getChangeMinor() == null ? 0 : p.getChangeMinor())
                .sum();
        return new SaleReceipt(order.getId(), order.getPerformanceId(), issued, order.getTotalMinor(), order.getCurrency(), change);
    }

    private long captured(String orderId) {
        return payments.findByOrderIdOrderByCreatedAt(orderId).stream()
                .filter(p -> p.getStatus() == PaymentStatus.CAPTURED)
                .mapToLong(PaymentEntity::getAmountMinor)
                .sum();
    }

    private SaleOrderEntity load(String orderId) {
        if (orderId == null) {
            throw new UnknownOrderException("No order given");
        }
        return orders.findById(orderId).orElseThrow(() -> new UnknownOrderException("No order " + orderId));
    }

    private void releaseQuietly(String holdId) {
        if (holdId == null) {
            return;
        }
        try {
            holds.release(holdId, tokens.token(holdId));
        } catch (RuntimeException e) {
            // the hold expires on its own; nothing is sold
            log.warn("Could not release hold {}: {}", holdId, e.toString());
        }
    }

    /** Same order and seat, same ticket id: writing tickets again after a crash finds them written. */
    static String ticketId(String orderId, String seatId) {
        return UUID.nameUUIDFromBytes((orderId + "/" + seatId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
