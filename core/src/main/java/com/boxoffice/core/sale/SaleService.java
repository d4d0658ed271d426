package com.boxoffice.core.sale;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStatus;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SaleConflictException;
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
import com.boxoffice.core.shared.BoxOfficeException;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;

/**
 * A sale as a small state machine over the journal:
 * hold &rarr; price locked &rarr; payment pending &rarr; paid &rarr; seats confirmed &rarr; tickets.
 *
 * <p>Each step is committed before the next external call (card provider, hold store), and each is
 * safe to repeat: a payment is written down before the card is charged, under an idempotency key;
 * a charge that got no answer is looked up, and voided at the provider when it is not found, so it
 * can never land later; confirming a hold is idempotent on its id; tickets have ids derived from
 * order and seat; an order's id is derived from its hold's. Steps of one order that may run at once
 * (a double-clicked payment, two servers recovering, a cancel racing a payment) take turns on a row
 * lock of the order. {@link #recover(Instant)} finishes or unwinds whatever a crash interrupted.
 *
 * <p>After a sale, seats can be given back: for money ({@link #refund(RefundRequest)}) or for other
 * seats of the same performance ({@link #exchange(ExchangeRequest)}). Both are journalled (with the
 * money to hand back planned) under the order's lock before any card is refunded or seat freed, are
 * idempotent by the caller's id, and are finished or unwound by {@link #recover(Instant)}.
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
    private final RefundRepository refunds;
    private final RefundSteps refundSteps;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SaleCheckpoints checkpoints;
    private final Duration cardAnswerTime;
    private final ConfirmedSales confirmedSales;

    /** A sale service whose confirmed sales go nowhere else (a server's, or a test's). */
    public SaleService(HoldStore holds, PerformanceSeatings seatings, HoldTokens tokens, PaymentProvider cards,
                       SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                       RefundRepository refunds, TransactionTemplate tx, Clock clock, SaleCheckpoints checkpoints,
                       Duration cardAnswerTime) {
        this(holds, seatings, tokens, cards, orders, payments, tickets, refunds, tx, clock, checkpoints, cardAnswerTime,
                ConfirmedSales.NONE);
    }

    /**
     * @param cardAnswerTime longest a card charge may take to be answered; a charge with no recorded
     *                       answer younger than this may still be on its way, so nobody else touches it
     * @param confirmedSales told of each order inside the transaction that confirms it (a terminal's outbox)
     */
    public SaleService(HoldStore holds, PerformanceSeatings seatings, HoldTokens tokens, PaymentProvider cards,
                       SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                       RefundRepository refunds, TransactionTemplate tx, Clock clock, SaleCheckpoints checkpoints,
                       Duration cardAnswerTime, ConfirmedSales confirmedSales) {
        this.holds = holds;
        this.seatings = seatings;
        this.tokens = tokens;
        this.cards = cards;
        this.orders = orders;
        this.payments = payments;
        this.tickets = tickets;
        this.refunds = refunds;
        this.tx = tx;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.cardAnswerTime = cardAnswerTime;
        this.confirmedSales = confirmedSales;
        this.refundSteps = new RefundSteps(holds, cards, orders, payments, tickets, refunds, tx, clock, checkpoints,
                confirmedSales);
    }

    /**
     * Holds the seats and locks their prices in a new order. The same request sent again (same
     * request id) answers the same order.
     */
    public Basket start(HoldRequest request) {
        Hold hold = holds.hold(request);
        String orderId = orderIdOf(hold.holdId());
        Optional<SaleOrderEntity> existing = orders.findById(orderId);
        if (existing.isPresent()) {
            return basket(existing.get(), hold);
        }
        if (hold.status() != HoldStatus.HELD) {
            throw new InvalidSaleRequestException("Hold " + hold.holdId() + " has already ended (" + hold.status() + ")");
        }
        PerformanceSeating seating = seatings.seating(request.performanceId());
        Basket basket;
        try {
            basket = inTx(() -> {
                Instant now = clock.instant();
                SaleOrderEntity order = SaleOrderEntity.open(orderId, request.performanceId(), request.channel(),
                        request.terminalId(), request.buyer(), hold.holdId(), now);
                List<OrderSeat> priced = price(seating, hold.seatIds());
                order.price(priced, currencyOf(seating, priced), now);
                orders.save(order);
                return basket(order, hold);
            });
        } catch (DataIntegrityViolationException e) {
            // the same request, started at the same moment elsewhere, wrote the order first
            return orders.findById(orderId).map(order -> basket(order, hold)).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            releaseQuietly(hold.holdId());
            throw e;
        }
        checkpoints.reached(SaleStep.PRICED, basket.orderId());
        return basket;
    }

    /** One order per hold: the order id is derived from the hold id. */
    public static String orderIdOf(String holdId) {
        return UUID.nameUUIDFromBytes(("order/" + holdId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Basket basket(SaleOrderEntity order, Hold hold) {
        return new Basket(order.getId(), hold, order.getSeats(), order.getTotalMinor(), order.getCurrency());
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

    /** Abandons a sale before any payment was started: the seats go back on sale. */
    public void cancel(String orderId) {
        SaleOrderEntity cancelled = inTx(() -> {
            SaleOrderEntity order = lock(orderId);
            if (order.getStatus() == OrderStatus.CANCELLED) {
                return null;
            }
            if (order.getStatus() != OrderStatus.HELD && order.getStatus() != OrderStatus.PRICED) {
                throw new InvalidSaleRequestException("Order " + orderId + " is " + order.getStatus()
                        + ": a sale whose payment has started is finished or refunded, not cancelled");
            }
            order.cancel(clock.instant());
            return orders.save(order);
        });
        if (cancelled != null) {
            releaseQuietly(cancelled.getHoldId());
        }
    }

    /**
     * Pays what is still due with the given tenders (together they must pay it exactly; cash may be
     * over-tendered and gives change) and completes the sale. Paying a completed order again answers
     * its receipt and takes nothing.
     *
     * @throws PaymentDeclinedException       a card was declined; pay the rest another way
     * @throws PaymentOutcomeUnknownException a card charge for this order is still unanswered; it is
     *                                        settled before anything is charged again
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
        settleUnanswered(orderId, clock.instant().minus(cardAnswerTime));

        /** The card payments written for this attempt; none to charge when the order turned out paid. */
        record Attempt(List<String> cardPaymentIds, boolean alreadyPaid) {
        }
        Attempt attempt = inTx(() -> {
            Instant now = clock.instant();
            SaleOrderEntity fresh = lock(orderId);
            if (fresh.getStatus() != OrderStatus.PRICED && fresh.getStatus() != OrderStatus.PAYMENT_PENDING) {
                throw new InvalidSaleRequestException("Order " + orderId + " is " + fresh.getStatus() + " and cannot be paid");
            }
            List<PaymentEntity> earlier = payments.findByOrderIdOrderByCreatedAt(orderId);
            if (earlier.stream().anyMatch(p -> p.getStatus() == PaymentStatus.UNKNOWN)) {
                throw new PaymentOutcomeUnknownException("A card payment for order " + orderId
                        + " is still waiting for its answer; try again in a moment");
            }
            long due = fresh.getTotalMinor() - captured(earlier);
            if (due == 0 && fresh.getStatus() == OrderStatus.PAYMENT_PENDING) {
                // an earlier card that got no answer did go through: nothing more is taken
                return new Attempt(List.of(), true);
            }
            checkTenders(tenders, due);
            if (fresh.getStatus() == OrderStatus.PRICED) {
                fresh.awaitPayment(orderId, now);
            } else {
                fresh.recordPaymentAttempt(now);
            }
            orders.save(fresh);
            List<String> ids = new ArrayList<>();
            for (Tender tender : tenders) {
                String paymentId = UUID.randomUUID().toString();
                switch (tender) {
                    case Tender.Card card -> {
                        payments.save(PaymentEntity.card(paymentId, orderId, card.amountMinor(), fresh.getCurrency(), paymentId, now));
                        ids.add(paymentId);
                    }
                    // cash is in the drawer from this moment: journal it with the attempt
                    case Tender.Cash cash -> payments.save(PaymentEntity.cash(paymentId, orderId, cash.amountMinor(),
                            fresh.getCurrency(), cash.tenderedMinor(), paymentId, now));
                }
            }
            return new Attempt(ids, false);
        });
        checkpoints.reached(SaleStep.PAYMENT_PENDING, orderId);

        List<String> cardPaymentIds = attempt.cardPaymentIds();
        int card = 0;
        for (Tender tender : attempt.alreadyPaid() ? List.<Tender>of() : tenders) {
            if (tender instanceof Tender.Card c) {
                String paymentId = cardPaymentIds.get(card++);
                try {
                    chargeCard(order, paymentId, c.simulate());
                } catch (PaymentDeclinedException e) {
                    // the cards after it were never sent: call them off so the buyer can pay again
                    for (String unsent : cardPaymentIds.subList(card, cardPaymentIds.size())) {
                        voidPayment(unsent);
                    }
                    throw e;
                }
            }
        }
        if (!markPaidIfCovered(orderId)) {
            throw new InvalidSaleRequestException("Order " + orderId + " is not fully paid");
        }
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

    /** Charges one journalled card payment and records the answer. */
    private void chargeCard(SaleOrderEntity order, String paymentId, SimulatedOutcome simulate) {
        PaymentEntity payment = payments.findById(paymentId).orElseThrow();
        try {
            settle(paymentId, Optional.of(cards.charge(new ChargeRequest(paymentId, payment.getAmountMinor(),
                    order.getCurrency(), "Tickets, order " + order.getId(), simulate))));
        } catch (PaymentTimeoutException e) {
            settleUnanswered(payment);
        }
        PaymentEntity settled = payments.findById(paymentId).orElseThrow();
        if (settled.getStatus() == PaymentStatus.UNKNOWN) {
            throw new PaymentOutcomeUnknownException("The card terminal did not answer; payment " + paymentId
                    + " will be checked before anything is charged again");
        }
        if (settled.getStatus() != PaymentStatus.CAPTURED) {
            long stillDue = order.getTotalMinor() - captured(payments.findByOrderIdOrderByCreatedAt(order.getId()));
            throw new PaymentDeclinedException(settled.getStatus() == PaymentStatus.DECLINED
                    ? "The card was declined; " + stillDue + " is still due"
                    : "The card terminal did not answer and nothing was charged; " + stillDue + " is still due", stillDue);
        }
    }

    /** Settles the order's unanswered card payments that are older than {@code olderThan}. */
    private void settleUnanswered(String orderId, Instant olderThan) {
        for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(orderId)) {
            if (payment.getStatus() == PaymentStatus.UNKNOWN && payment.getCreatedAt().isBefore(olderThan)) {
                settleUnanswered(payment);
            }
        }
    }

    /**
     * Asks the provider what became of a charge that got no answer: approved means the money is
     * taken; not found means it is voided at the provider first, so it can never land later. When the
     * provider cannot be asked, the payment stays UNKNOWN.
     */
    private void settleUnanswered(PaymentEntity payment) {
        Optional<ChargeResult> truth;
        try {
            truth = cards.lookup(payment.getIdempotencyKey());
            if (truth.isEmpty()) {
                cards.voidCharge(payment.getIdempotencyKey());
            }
        } catch (RuntimeException e) {
            log.warn("Could not settle payment {} with the provider: {}", payment.getId(), e.toString());
            return;
        }
        settle(payment.getId(), truth);
    }

    /** Records what the provider says happened: approved, declined, or (empty) never charged. */
    private void settle(String paymentId, Optional<ChargeResult> result) {
        boolean lateApproval = inTx(() -> {
            PaymentEntity payment = payments.findById(paymentId).orElseThrow();
            if (payment.getStatus() != PaymentStatus.UNKNOWN) {
                return result.isPresent() && result.get().approved() && payment.getStatus() != PaymentStatus.CAPTURED
                        && payment.getStatus() != PaymentStatus.REFUNDED;
            }
            Instant now = clock.instant();
            if (result.isEmpty()) {
                payment.markVoided(now);
            } else if (result.get().approved()) {
                payment.markCaptured(result.get().reference(), now);
            } else {
                payment.markDeclined(now);
            }
            payments.save(payment);
            return false;
        });
        if (lateApproval) {
            // money taken under a payment already given up on: give it back
            log.warn("Payment {} was approved after it was given up; refunding it", paymentId);
            cards.voidCharge(paymentId);
        }
    }

    /** Calls off a card payment that was never sent. */
    private void voidPayment(String paymentId) {
        cards.voidCharge(paymentId);
        settle(paymentId, Optional.empty());
    }

    /** Moves a waiting order to PAID once its captured payments cover the total; whether it is PAID. */
    private boolean markPaidIfCovered(String orderId) {
        return inTx(() -> {
            SaleOrderEntity fresh = lock(orderId);
            if (fresh.getStatus() == OrderStatus.PAYMENT_PENDING
                    && captured(payments.findByOrderIdOrderByCreatedAt(orderId)) == fresh.getTotalMinor()) {
                fresh.markPaid(clock.instant());
                orders.save(fresh);
            }
            return fresh.getStatus() == OrderStatus.PAID;
        });
    }

    /** Sells the held seats and writes the tickets; when the seats are lost gives all the money back. */
    private SaleReceipt confirmSeats(String orderId) {
        SaleOrderEntity order = load(orderId);
        String soldUnder;
        try {
            soldUnder = holds.confirm(order.getHoldId(), tokens.token(order.getHoldId()), orderId).orderId();
        } catch (UnknownHoldException e) {
            // the hold record is gone (live state rebuilt, or purged long after): the seats are this
            // order's if they are free, or already sold under it
            soldUnder = retakeSeats(order);
        } catch (BoxOfficeException refused) {
            // expired and taken, released, over the buyer's limit, token no longer valid
            throw lostSeats(orderId, "The hold could not be confirmed: " + refused.getMessage());
        }
        if (!orderId.equals(soldUnder)) {
            throw lostSeats(orderId, "The hold was confirmed under another order (" + soldUnder + ")");
        }
        checkpoints.reached(SaleStep.SEATS_CONFIRMED, orderId);
        try {
            inTx(() -> {
                SaleOrderEntity fresh = lock(orderId);
                if (fresh.getStatus() == OrderStatus.CONFIRMED) {
                    return fresh;
                }
                if (fresh.getStatus() != OrderStatus.PAID) {
                    throw new SaleFailedException("Order " + orderId + " is " + fresh.getStatus());
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
                SaleOrderEntity saved = orders.save(fresh);
                confirmedSales.confirmed(saved, payments.findByOrderIdOrderByCreatedAt(orderId));
                return saved;
            });
        } catch (DataIntegrityViolationException e) {
            // The database's last safety net refused a second live ticket for a seat.
            log.error("Order {} was refused a ticket the database holds for another order; "
                    + "rebuild the performance's live state from the database", orderId, e);
            throw lostSeats(orderId, "A seat of the order already has a live ticket");
        }
        checkpoints.reached(SaleStep.CONFIRMED, orderId);
        return receipt(load(orderId));
    }

    /** Sells the order's seats again without its hold; the order they are sold under, or null when taken. */
    private String retakeSeats(SaleOrderEntity order) {
        List<String> seatIds = order.getSeats().stream().map(OrderSeat::seatId).toList();
        try {
            return holds.applyJournalSale(order.getPerformanceId(), new JournalSale("order/" + order.getId(),
                    order.getTerminalId() == null ? "" : order.getTerminalId(), order.getId(), seatIds));
        } catch (SaleConflictException e) {
            return null;
        }
    }

    private SaleFailedException lostSeats(String orderId, String reason) {
        refundAll(orderId, reason);
        return new SaleFailedException(reason + "; the payment was refunded");
    }

    /**
     * Gives back every captured payment of an order, voids its live tickets, closes it, and puts
     * back on sale any seat the hold store still shows sold under it.
     */
    private void refundAll(String orderId, String reason) {
        for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(orderId)) {
            if (payment.getStatus() == PaymentStatus.CAPTURED && payment.getMethod() == PaymentMethod.CARD) {
                cards.refund(payment.getIdempotencyKey());
            }
        }
        SaleOrderEntity closed = inTx(() -> {
            Instant now = clock.instant();
            SaleOrderEntity fresh = lock(orderId);
            for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(orderId)) {
                if (payment.getStatus() == PaymentStatus.CAPTURED) {
                    payment.markRefunded(now);
                    payments.save(payment);
                }
            }
            for (TicketEntity ticket : tickets.findByOrderId(orderId)) {
                if (ticket.isLive()) {
                    ticket.refund();
                    tickets.save(ticket);
                }
            }
            if (fresh.getStatus() == OrderStatus.PAID || fresh.getStatus() == OrderStatus.CONFIRMED) {
                fresh.markRefunded(now);
            } else if (!fresh.getStatus().isFinal()) {
                fresh.fail(reason, now);
            }
            return orders.save(fresh);
        });
        List<String> seatIds = closed.getSeats().stream().map(OrderSeat::seatId).toList();
        try {
            holds.refund(closed.getPerformanceId(), orderId, seatIds, closed.getBuyer());
        } catch (RuntimeException e) {
            log.warn("Seats of refunded order {} could not be put back on sale now: {}", orderId, e.toString());
        }
    }

    /**
     * Gives seats of a completed sale back for money. Steps, each committed before the next:
     * <ol>
     * <li>journal, under the order's lock: the refund (id, seats at their sale prices, reason, who,
     *     where), the money to hand back planned over the order's payments (cards first, then cash; see
     *     {@code RefundSteps.plan}), the seats' tickets made void, and the order REFUNDED when that was
     *     its last live ticket ({@link SaleStep#REFUND_JOURNALLED});</li>
     * <li>each card part refunded at the provider under a key derived from refund and payment, and
     *     marked returned; cash parts are marked returned (the clerk hands them over)
     *     ({@link SaleStep#REFUND_MONEY_RETURNED});</li>
     * <li>the seats put back on sale in the hold store ({@link SaleStep#REFUND_SEATS_FREED});</li>
     * <li>the refund marked complete ({@link SaleStep#REFUND_COMPLETED}).</li>
     * </ol>
     * A refund journalled is always finished, never rolled back: a crash after step 1 is finished by
     * {@link #recover(Instant)}. The same refund id again makes no second refund and answers the same
     * receipt, also while the first call is still running elsewhere.
     *
     * @throws UnknownOrderException         no such order
     * @throws SeatNotInOrderException       a seat was not sold in the order
     * @throws SeatAlreadyRefundedException  a seat was given back before, or is in an exchange under way
     * @throws OrderNotRefundableException   the order is not a completed sale, or an exchange into it is under way
     * @throws RefundIdReusedException       the refund id was used for another order or other seats
     * @throws InvalidSaleRequestException   no seats, a seat twice, no reason or no actor
     */
    public RefundReceipt refund(RefundRequest request) {
        return refundSteps.refund(request);
    }

    /**
     * Swaps seats of a completed sale for seats of the same performance the buyer holds in a new,
     * priced order (from {@link #start}). The seats given back are worth their sale prices; that
     * credit pays the new order (a {@code CREDIT} payment), and
     * <ul>
     * <li>when the new seats cost more, the tenders pay the difference as in {@link #pay};</li>
     * <li>when they cost less, the difference goes back the way the old order was paid (cards
     *     first, then cash, as a refund does): giving it back to the card it came from keeps the money
     *     traceable to the buyer and the drawer untouched, while cash paid stays cash.</li>
     * </ul>
     * Steps, each committed before the next:
     * <ol>
     * <li>journal, locking both orders (in id order): the exchange (a refund of kind EXCHANGE naming
     *     the new order, which pins the seats given back so no other refund or exchange can take
     *     them), the money back planned, the new order waiting for payment with its credit and top-up
     *     payments ({@link SaleStep#EXCHANGE_JOURNALLED}). The old tickets stay live;</li>
     * <li>top-up cards charged, the new order paid and confirmed exactly like a sale;</li>
     * <li>only then the old tickets voided ({@link SaleStep#EXCHANGE_NEW_SALE_CONFIRMED} before,
     *     {@link SaleStep#EXCHANGE_OLD_TICKETS_VOIDED} after), and the rest finished as a refund:
     *     money back, old seats freed.</li>
     * </ol>
     * So the old tickets are never void unless the new order is confirmed, and the buyer never keeps
     * both: when the new sale fails (card declined, new seats lost) the exchange is unwound: every
     * top-up is given back, the new seats released, the old tickets untouched, and
     * {@link ExchangeFailedException} thrown. {@link #recover(Instant)} finishes the new sale (or
     * unwinds it) and then rolls the exchange forward or unwinds it by the new order's outcome. The
     * same exchange id again makes no second exchange.
     *
     * @throws ExchangeFailedException        the new sale failed; nothing of the exchange stands
     * @throws PaymentOutcomeUnknownException a top-up card got no answer; recovery settles it
     * @throws InvalidSaleRequestException    the new order is not a priced, unpaid order of the same
     *                                        performance, or the tenders do not pay the difference
     * @see #refund(RefundRequest) for the other refusals, which change nothing
     */
    public ExchangeReceipt exchange(ExchangeRequest request) {
        if (request == null) {
            throw new InvalidSaleRequestException("No exchange given");
        }
        RefundSteps.checkIdAndWho(request.exchangeId(), request.reason(), request.actor(), "exchange");
        RefundSteps.checkSeatList(request.seatIdsGivenBack());
        Optional<RefundEntity> earlier = refunds.findById(request.exchangeId());
        if (earlier.isPresent()) {
            checkSameExchange(earlier.get(), request);
            return continueExchange(request.exchangeId());
        }
        SaleOrderEntity from = load(request.fromOrderId());
        SaleOrderEntity to = load(request.newOrderId());
        if (from.getId().equals(to.getId())) {
            throw new InvalidSaleRequestException("An order cannot be exchanged into itself");
        }

        /** What was journalled, whether by this call, and the top-up card payments it is to charge. */
        record Journalled(RefundEntity exchange, boolean byThisCall, List<String> cardPaymentIds) {
        }
        Journalled journalled = inTx(() -> {
            SaleOrderEntity old;
            SaleOrderEntity fresh;
            if (from.getId().compareTo(to.getId()) < 0) {
                old = lock(from.getId());
                fresh = lock(to.getId());
            } else {
                fresh = lock(to.getId());
                old = lock(from.getId());
            }
            Optional<RefundEntity> again = refunds.findById(request.exchangeId());
            if (again.isPresent()) {
                return new Journalled(again.get(), false, List.of());
            }
            Instant now = clock.instant();
            if (fresh.getStatus() != OrderStatus.PRICED) {
                throw new InvalidSaleRequestException("New order " + fresh.getId() + " is " + fresh.getStatus()
                        + ": an exchange needs a priced order whose payment has not started");
            }
            if (!fresh.getPerformanceId().equals(old.getPerformanceId())) {
                throw new InvalidSaleRequestException("Seats are exchanged within one performance only");
            }
            List<RefundSeat> seats = refundSteps.givenBack(old, request.seatIdsGivenBack());
            if (!fresh.getCurrency().equals(old.getCurrency())) {
                throw new InvalidSaleRequestException("The new seats are priced in another currency");
            }
            long credit = seats.stream().mapToLong(RefundSeat::priceMinor).sum();
            long due = fresh.getTotalMinor() - credit;
            if (due > 0) {
                checkTenders(request.tenders(), due);
            } else if (!request.tenders().isEmpty()) {
                throw new InvalidSaleRequestException("The seats given back pay for the new ones: nothing is due");
            }
            List<RefundMoney> money = due < 0 ? refundSteps.plan(old, -due, request.exchangeId()) : List.of();
            long stillLive = tickets.findByOrderId(old.getId()).stream().filter(TicketEntity::isLive).count();
            RefundEntity exchange = refunds.save(RefundEntity.journal(request.exchangeId(), RefundKind.EXCHANGE,
                    old.getId(), fresh.getId(), request.reason(), request.actor(),
                    RefundSteps.terminalOf(request.terminalId(), old), seats, credit, old.getCurrency(), money,
                    stillLive == seats.size(), now));
            String paymentKey = keyOf("exchange/" + request.exchangeId());
            fresh.awaitPayment(paymentKey, now);
            orders.save(fresh);
            String creditId = keyOf("credit/" + request.exchangeId());
            payments.save(PaymentEntity.credit(creditId, fresh.getId(), Math.min(credit, fresh.getTotalMinor()),
                    fresh.getCurrency(), creditId, now));
            List<String> ids = new ArrayList<>();
            for (Tender tender : request.tenders()) {
                String paymentId = UUID.randomUUID().toString();
                switch (tender) {
                    case Tender.Card card -> {
                        payments.save(PaymentEntity.card(paymentId, fresh.getId(), card.amountMinor(), fresh.getCurrency(), paymentId, now));
                        ids.add(paymentId);
                    }
                    case Tender.Cash cash -> payments.save(PaymentEntity.cash(paymentId, fresh.getId(), cash.amountMinor(),
                            fresh.getCurrency(), cash.tenderedMinor(), paymentId, now));
                }
            }
            return new Journalled(exchange, true, ids);
        });
        checkSameExchange(journalled.exchange(), request);
        if (!journalled.byThisCall()) {
            // journalled by a call racing this one: that call charges the cards
            return continueExchange(request.exchangeId());
        }
        checkpoints.reached(SaleStep.EXCHANGE_JOURNALLED, from.getId());

        SaleOrderEntity newOrder = load(to.getId());
        int card = 0;
        List<String> cardIds = journalled.cardPaymentIds();
        for (Tender tender : request.tenders()) {
            if (tender instanceof Tender.Card c) {
                String paymentId = cardIds.get(card++);
                try {
                    chargeCard(newOrder, paymentId, c.simulate());
                } catch (PaymentDeclinedException e) {
                    for (String unsent : cardIds.subList(card, cardIds.size())) {
                        voidPayment(unsent);
                    }
                    unwindExchange(request.exchangeId(), "A top-up card was declined");
                    throw new ExchangeFailedException(e.getMessage() + "; the exchange was called off and the old tickets stand");
                }
            }
        }
        return continueExchange(request.exchangeId());
    }

    private static void checkSameExchange(RefundEntity earlier, ExchangeRequest request) {
        if (earlier.getKind() != RefundKind.EXCHANGE || !earlier.getOrderId().equals(request.fromOrderId())
                || !earlier.getNewOrderId().equals(request.newOrderId())
                || !RefundSteps.sameSeats(earlier, request.seatIdsGivenBack())) {
            throw new RefundIdReusedException("Exchange " + earlier.getId() + " was made for other orders or seats");
        }
    }

    /**
     * Takes a journalled exchange as far as it can go: confirms its new order once paid, then voids
     * the old tickets and finishes the rest as a refund; unwinds it when the new sale failed.
     */
    private ExchangeReceipt continueExchange(String exchangeId) {
        RefundEntity exchange = refunds.findById(exchangeId).orElseThrow();
        String newOrderId = exchange.getNewOrderId();
        if (exchange.getStatus() == RefundStatus.AWAITING_NEW_SALE) {
            SaleOrderEntity newOrder = load(newOrderId);
            switch (newOrder.getStatus()) {
                case PAYMENT_PENDING, PAID -> {
                    if (!markPaidIfCovered(newOrderId)) {
                        throw new PaymentOutcomeUnknownException("The top-up of exchange " + exchangeId
                                + " is still being paid; try again in a moment");
                    }
                    checkpoints.reached(SaleStep.PAID, newOrderId);
                    try {
                        confirmSeats(newOrderId);
                    } catch (SaleFailedException e) {
                        unwindExchange(exchangeId, e.getMessage());
                        throw new ExchangeFailedException("The new seats could not be sold (" + e.getMessage()
                                + "); the exchange was called off and the old tickets stand");
                    }
                }
                case CONFIRMED -> {
                }
                default -> {
                    unwindExchange(exchangeId, "The new order is " + newOrder.getStatus());
                    throw new ExchangeFailedException("Exchange " + exchangeId + " was called off: the new order is "
                            + newOrder.getStatus() + "; the old tickets stand");
                }
            }
            checkpoints.reached(SaleStep.EXCHANGE_NEW_SALE_CONFIRMED, exchange.getOrderId());
            voidOldTickets(exchangeId);
            checkpoints.reached(SaleStep.EXCHANGE_OLD_TICKETS_VOIDED, exchange.getOrderId());
        } else if (exchange.getStatus() == RefundStatus.UNWOUND) {
            throw new ExchangeFailedException("Exchange " + exchangeId + " was called off; the old tickets stand");
        }
        refundSteps.finish(exchangeId);
        RefundEntity done = refunds.findById(exchangeId).orElseThrow();
        SaleOrderEntity newOrder = load(newOrderId);
        long toppedUp = Math.max(0, newOrder.getTotalMinor() - done.getAmountMinor());
        return new ExchangeReceipt(done.getId(), done.getOrderId(),
                done.getSeats().stream().map(RefundSeat::seatId).sorted().toList(), done.getAmountMinor(),
                receipt(newOrder), toppedUp, RefundSteps.sum(done, PaymentMethod.CARD),
                RefundSteps.sum(done, PaymentMethod.CASH));
    }

    /** The exchange's new order is confirmed: the old tickets go void, under the old order's lock. */
    private void voidOldTickets(String exchangeId) {
        inTx(() -> {
            RefundEntity exchange = refunds.findById(exchangeId).orElseThrow();
            SaleOrderEntity old = lock(exchange.getOrderId());
            RefundEntity fresh = refunds.findById(exchangeId).orElseThrow();
            if (fresh.getStatus() != RefundStatus.AWAITING_NEW_SALE) {
                return fresh;
            }
            Instant now = clock.instant();
            boolean full = refundSteps.voidTickets(old, fresh.getSeats(), now);
            confirmedSales.givenBack(fresh.getId(), RefundKind.EXCHANGE, old, fresh.getSeats(), fresh.getAmountMinor(),
                    fresh.getReason());
            fresh.ticketsVoided(full, now);
            return refunds.save(fresh);
        });
    }

    /**
     * Calls an exchange off: the new order's money (top-ups; the credit is only given back to the
     * seats it came from) is refunded and its seats released, and the seats given back are unpinned.
     * The old tickets were never touched.
     */
    private void unwindExchange(String exchangeId, String reason) {
        RefundEntity exchange = refunds.findById(exchangeId).orElseThrow();
        SaleOrderEntity newOrder = load(exchange.getNewOrderId());
        if (!newOrder.getStatus().isFinal()) {
            refundAll(newOrder.getId(), "Exchange called off: " + reason);
            releaseQuietly(newOrder.getHoldId());
        }
        inTx(() -> {
            lock(exchange.getOrderId());
            RefundEntity fresh = refunds.findById(exchangeId).orElseThrow();
            if (fresh.getStatus() == RefundStatus.AWAITING_NEW_SALE) {
                fresh.unwind(clock.instant());
                refunds.save(fresh);
            }
            return fresh;
        });
    }

    /** Rolls forward or unwinds exchanges a crash left waiting for their new sale. */
    private void recoverExchanges(Instant olderThan, int[] tally) {
        for (RefundEntity exchange : refunds.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(RefundStatus.AWAITING_NEW_SALE, olderThan)) {
            SaleOrderEntity newOrder = load(exchange.getNewOrderId());
            if (newOrder.getStatus() == OrderStatus.PAYMENT_PENDING && payments.findByOrderIdOrderByCreatedAt(newOrder.getId())
                    .stream().anyMatch(p -> p.getStatus() == PaymentStatus.UNKNOWN)) {
                tally[Recovered.STILL_UNKNOWN.ordinal()]++;
                continue;
            }
            try {
                continueExchange(exchange.getId());
                tally[Recovered.COMPLETED.ordinal()]++;
            } catch (ExchangeFailedException e) {
                tally[Recovered.UNWOUND.ordinal()]++;
            } catch (RuntimeException e) {
                log.error("Could not recover exchange {}; it is left for the next run", exchange.getId(), e);
                tally[Recovered.FAILED.ordinal()]++;
            }
        }
    }

    private static String keyOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Finishes or unwinds sales a crash interrupted, last touched before {@code olderThan} (a
     * terminal at start-up passes now; a server passes now less a grace, so it leaves alone sales
     * another instance is in the middle of). Unanswered card charges older than the card answer time
     * are settled first, and money taken for an order already finished is given back. Then refunds
     * and exchanges: an exchange waiting for its new sale is rolled forward when that sale is
     * confirmed and unwound when it failed; a refund whose tickets are void gets its money back and
     * its seats freed. Each finished refund or exchange counts as completed, each exchange called off
     * as unwound. Safe to run any number of times, from several processes at once.
     */
    public RecoveryReport recover(Instant olderThan) {
        int[] tally = new int[Recovered.values().length];
        Instant answerDeadline = clock.instant().minus(cardAnswerTime);
        for (PaymentEntity payment : payments.findByStatusOrderByCreatedAt(PaymentStatus.UNKNOWN)) {
            if (payment.getCreatedAt().isBefore(answerDeadline)) {
                try {
                    settleUnanswered(payment);
                    refundIfSurplus(payment.getId());
                } catch (RuntimeException e) {
                    log.error("Could not settle payment {}; it is left for the next run", payment.getId(), e);
                    tally[Recovered.FAILED.ordinal()]++;
                }
            }
        }
        for (OrderStatus status : List.of(OrderStatus.PAYMENT_PENDING, OrderStatus.PAID, OrderStatus.HELD, OrderStatus.PRICED)) {
            for (SaleOrderEntity order : orders.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(status, olderThan)) {
                if (order.getHoldId() == null) {
                    // recorded centrally from a terminal's journal (a sale due a refund stays PAID, with no
                    // seats): never sold through a hold here, so there is nothing for recovery to finish, and
                    // confirming or refunding it would take seats or money that are not this process's
                    continue;
                }
                try {
                    tally[recoverOne(order.getId()).ordinal()]++;
                } catch (RuntimeException e) {
                    // one order that cannot be settled now must not keep the others from recovery
                    log.error("Could not recover order {} ({}); it is left for the next run", order.getId(), status, e);
                    tally[Recovered.FAILED.ordinal()]++;
                }
            }
        }
        recoverExchanges(olderThan, tally);
        int[] refunded = refundSteps.recover(olderThan);
        tally[Recovered.COMPLETED.ordinal()] += refunded[0];
        tally[Recovered.FAILED.ordinal()] += refunded[1];
        return new RecoveryReport(tally[Recovered.COMPLETED.ordinal()], tally[Recovered.UNWOUND.ordinal()],
                tally[Recovered.STILL_UNKNOWN.ordinal()], tally[Recovered.FAILED.ordinal()]);
    }

    /**
     * Settles every card charge left without an answer for longer than the card answer time (asking
     * the provider, voiding what it never received) and completes the sales those charges turn out
     * to have paid in full. A server runs this often, so a buyer whose payment timed out learns the
     * outcome in seconds; {@link #recover} does the same and more, but only for sales left alone
     * longer than any hold lasts. Safe to run any number of times, from several processes at once.
     *
     * @return sales completed (tickets written)
     */
    public int settlePayments() {
        Instant answerDeadline = clock.instant().minus(cardAnswerTime);
        Set<String> orderIds = new LinkedHashSet<>();
        for (PaymentEntity payment : payments.findByStatusOrderByCreatedAt(PaymentStatus.UNKNOWN)) {
            if (payment.getCreatedAt().isBefore(answerDeadline)) {
                try {
                    settleUnanswered(payment);
                    refundIfSurplus(payment.getId());
                    orderIds.add(payment.getOrderId());
                } catch (RuntimeException e) {
                    log.error("Could not settle payment {}; it is left for the next run", payment.getId(), e);
                }
            }
        }
        int completed = 0;
        for (String orderId : orderIds) {
            SaleOrderEntity order = load(orderId);
            if (order.getStatus() != OrderStatus.PAYMENT_PENDING || order.getHoldId() == null
                    || payments.findByOrderIdOrderByCreatedAt(orderId).stream().anyMatch(p -> p.getStatus() == PaymentStatus.UNKNOWN)) {
                continue;
            }
            try {
                if (markPaidIfCovered(orderId) && finish(orderId)) {
                    completed++;
                }
            } catch (RuntimeException e) {
                log.error("Could not complete order {} after settling its payment; it is left for recovery", orderId, e);
            }
        }
        return completed;
    }

    /** A captured payment whose order no longer wants it (finished, or given up) goes back. */
    private void refundIfSurplus(String paymentId) {
        PaymentEntity payment = payments.findById(paymentId).orElseThrow();
        if (payment.getStatus() != PaymentStatus.CAPTURED) {
            return;
        }
        SaleOrderEntity order = load(payment.getOrderId());
        if (order.getStatus().isFinal() || order.getStatus() == OrderStatus.CONFIRMED) {
            log.warn("Payment {} was taken for order {} which is {}; refunding it", paymentId, order.getId(), order.getStatus());
            cards.refund(payment.getIdempotencyKey());
            inTx(() -> {
                PaymentEntity fresh = payments.findById(paymentId).orElseThrow();
                fresh.markRefunded(clock.instant());
                return payments.save(fresh);
            });
        }
    }

    private enum Recovered {
        COMPLETED, UNWOUND, STILL_UNKNOWN, FAILED
    }

    private Recovered recoverOne(String orderId) {
        SaleOrderEntity order = load(orderId);
        switch (order.getStatus()) {
            case HELD, PRICED -> {
                cancel(orderId);
                return Recovered.UNWOUND;
            }
            case PAID -> {
                return finish(orderId) ? Recovered.COMPLETED : Recovered.UNWOUND;
            }
            case PAYMENT_PENDING -> {
                List<PaymentEntity> all = payments.findByOrderIdOrderByCreatedAt(orderId);
                if (all.stream().anyMatch(p -> p.getStatus() == PaymentStatus.UNKNOWN)) {
                    return Recovered.STILL_UNKNOWN;
                }
                if (markPaidIfCovered(orderId)) {
                    return finish(orderId) ? Recovered.COMPLETED : Recovered.UNWOUND;
                }
                refundAll(orderId, "The sale was interrupted before it was fully paid");
                releaseQuietly(order.getHoldId());
                return Recovered.UNWOUND;
            }
            default -> {
                return Recovered.COMPLETED;
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
     * @param stillUnknown sales waiting for a card provider's answer
     * @param failed       sales or payments that could not be settled now (logged); the next run tries again
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

    private static long captured(List<PaymentEntity> payments) {
        return payments.stream()
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

    /** The order, locked for the rest of the current transaction. */
    private SaleOrderEntity lock(String orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new UnknownOrderException("No order " + orderId));
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
