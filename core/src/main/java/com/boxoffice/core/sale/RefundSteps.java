package com.boxoffice.core.sale;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentProvider;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.payment.RefundResult;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;

/**
 * The steps of giving seats of a confirmed order back, shared by refunds and exchanges:
 * checking the seats, planning the money back, voiding tickets, refunding cards, freeing the seats.
 *
 * <p>Every step that changes an order's refunds runs under the order's row lock, so two refunds
 * (or a refund and an exchange) of the same order take turns, and the second sees what the first
 * gave back. Once a refund's tickets are void it only ever moves forward: card refunds are
 * idempotent at the provider by a key derived from the refund and the payment, freeing seats only
 * frees seats still sold under the order, and recovery repeats whatever is left.
 */
final class RefundSteps {

    private static final Logger log = LoggerFactory.getLogger(RefundSteps.class);

    private final HoldStore holds;
    private final PaymentProvider cards;
    private final SaleOrderRepository orders;
    private final PaymentRepository payments;
    private final TicketRepository tickets;
    private final RefundRepository refunds;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SaleCheckpoints checkpoints;
    private final ConfirmedSales journal;

    RefundSteps(HoldStore holds, PaymentProvider cards, SaleOrderRepository orders, PaymentRepository payments,
                TicketRepository tickets, RefundRepository refunds, TransactionTemplate tx, Clock clock,
                SaleCheckpoints checkpoints, ConfirmedSales journal) {
        this.holds = holds;
        this.cards = cards;
        this.orders = orders;
        this.payments = payments;
        this.tickets = tickets;
        this.refunds = refunds;
        this.tx = tx;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.journal = journal;
    }

    /** Refunds seats for money: journals, then gives the money back and frees the seats. */
    RefundReceipt refund(RefundRequest request) {
        checkShape(request);
        if (refunds.findById(request.refundId()).isPresent()) {
            return finishRepeated(request);
        }
        SaleOrderEntity unlocked = orders.findById(request.orderId())
                .orElseThrow(() -> new UnknownOrderException("No order " + request.orderId()));
        RefundEntity journalled = inTx(() -> {
            SaleOrderEntity order = lock(unlocked.getId());
            var again = refunds.findById(request.refundId());
            if (again.isPresent()) {
                return again.get();
            }
            Instant now = clock.instant();
            List<RefundSeat> seats = givenBack(order, request.seatIds());
            long amount = seats.stream().mapToLong(RefundSeat::priceMinor).sum();
            List<RefundMoney> money = plan(order, amount, request.refundId());
            boolean full = voidTickets(order, seats, now);
            journal.givenBack(request.refundId(), RefundKind.REFUND, order, seats, amount, request.reason());
            return refunds.save(RefundEntity.journal(request.refundId(), RefundKind.REFUND, order.getId(), null,
                    request.reason(), request.actor(), terminalOf(request.terminalId(), order), seats, amount,
                    order.getCurrency(), money, full, now));
        });
        if (!journalled.getOrderId().equals(request.orderId()) || journalled.getKind() != RefundKind.REFUND
                || !sameSeats(journalled, request.seatIds())) {
            throw reused(request.refundId());
        }
        checkpoints.reached(SaleStep.REFUND_JOURNALLED, journalled.getOrderId());
        finish(journalled.getId());
        return receipt(refunds.findById(journalled.getId()).orElseThrow());
    }

    private RefundReceipt finishRepeated(RefundRequest request) {
        RefundEntity earlier = refunds.findById(request.refundId()).orElseThrow();
        if (!earlier.getOrderId().equals(request.orderId()) || earlier.getKind() != RefundKind.REFUND
                || !sameSeats(earlier, request.seatIds())) {
            throw reused(request.refundId());
        }
        finish(earlier.getId());
        return receipt(refunds.findById(earlier.getId()).orElseThrow());
    }

    private static RefundIdReusedException reused(String id) {
        return new RefundIdReusedException("Refund " + id + " was made for another order or other seats");
    }

    static boolean sameSeats(RefundEntity refund, List<String> seatIds) {
        Set<String> journalled = new HashSet<>();
        refund.getSeats().forEach(s -> journalled.add(s.seatId()));
        return refund.getStatus() == RefundStatus.UNWOUND || journalled.equals(new HashSet<>(seatIds));
    }

    private static void checkShape(RefundRequest request) {
        if (request == null) {
            throw new InvalidSaleRequestException("No refund given");
        }
        checkIdAndWho(request.refundId(), request.reason(), request.actor(), "refund");
        checkSeatList(request.seatIds());
        if (request.orderId() == null) {
            throw new UnknownOrderException("No order given");
        }
    }

    static void checkIdAndWho(String id, String reason, String actor, String what) {
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new InvalidSaleRequestException("A " + what + " needs an id of 1 to 100 characters");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidSaleRequestException("A " + what + " needs a reason of at most 500 characters");
        }
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw new InvalidSaleRequestException("A " + what + " needs the name of who makes it");
        }
    }

    static void checkSeatList(List<String> seatIds) {
        if (seatIds == null || seatIds.isEmpty()) {
            throw new InvalidSaleRequestException("No seats given");
        }
        if (new HashSet<>(seatIds).size() != seatIds.size() || seatIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidSaleRequestException("A seat is named twice (or not at all) in " + seatIds);
        }
    }

    static String terminalOf(String requested, SaleOrderEntity order) {
        return requested != null ? requested : order.getTerminalId();
    }

    /**
     * The seats to give back, with the prices they were sold at; refuses, changing nothing, a seat
     * not in the order, one given back before (or pinned by an exchange under way), an order that is
     * not a completed sale, or one an exchange into is still under way. Call under the order's lock.
     */
    List<RefundSeat> givenBack(SaleOrderEntity order, List<String> seatIds) {
        Map<String, OrderSeat> sold = new HashMap<>();
        order.getSeats().forEach(s -> sold.put(s.seatId(), s));
        for (String seatId : seatIds) {
            if (!sold.containsKey(seatId)) {
                throw new SeatNotInOrderException("Seat " + seatId + " was not sold in order " + order.getId());
            }
        }
        if (order.getStatus() == OrderStatus.REFUNDED) {
            throw new SeatAlreadyRefundedException("Order " + order.getId() + " is refunded already");
        }
        if (order.getStatus() != OrderStatus.CONFIRMED) {
            throw new OrderNotRefundableException("Order " + order.getId() + " is " + order.getStatus()
                    + ": only a completed sale can be refunded or exchanged");
        }
        if (refunds.findByNewOrderId(order.getId()).stream().anyMatch(r -> r.getStatus() == RefundStatus.AWAITING_NEW_SALE)) {
            throw new OrderNotRefundableException("Order " + order.getId() + " is the new order of an exchange still under way");
        }
        Set<String> gone = givenBackBefore(order.getId());
        Map<String, TicketEntity> live = new HashMap<>();
        for (TicketEntity ticket : tickets.findByOrderId(order.getId())) {
            if (ticket.isLive()) {
                live.put(ticket.getSeatId(), ticket);
            }
        }
        List<RefundSeat> out = new ArrayList<>();
        for (String seatId : seatIds) {
            if (gone.contains(seatId) || !live.containsKey(seatId)) {
                throw new SeatAlreadyRefundedException("Seat " + seatId + " of order " + order.getId()
                        + " was given back already");
            }
            out.add(new RefundSeat(order.getId(), seatId, sold.get(seatId).priceMinor()));
        }
        return out;
    }

    private Set<String> givenBackBefore(String orderId) {
        Set<String> gone = new HashSet<>();
        for (RefundEntity refund : refunds.findByOrderIdOrderByCreatedAt(orderId)) {
            refund.getSeats().forEach(s -> gone.add(s.seatId()));
        }
        return gone;
    }

    /**
     * How {@code amountMinor} goes back: out of the order's payments in what they still hold after
     * earlier refunds, cards first (oldest first), then cash, then exchange credit. Card money goes
     * back to the card; cash and credit (whose own origin may itself have been split) are paid out in
     * cash, the one way always at hand at the window. Cards come first so that a partial refund of
     * a split payment leaves the drawer alone where it can.
     */
    List<RefundMoney> plan(SaleOrderEntity order, long amountMinor, String refundId) {
        Map<String, Long> used = new HashMap<>();
        for (RefundEntity refund : refunds.findByOrderIdOrderByCreatedAt(order.getId())) {
            refund.getMoney().forEach(m -> used.merge(m.paymentId(), m.amountMinor(), Long::sum));
        }
        List<PaymentEntity> taken = new ArrayList<>(payments.findByOrderIdOrderByCreatedAt(order.getId()).stream()
                .filter(p -> p.getStatus() == PaymentStatus.CAPTURED)
                .toList());
        taken.sort(Comparator.comparingInt((PaymentEntity p) -> switch (p.getMethod()) {
            case CARD -> 0;
            case CASH -> 1;
            case CREDIT -> 2;
        }));
        List<RefundMoney> lines = new ArrayList<>();
        long left = amountMinor;
        for (PaymentEntity payment : taken) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, payment.getAmountMinor() - used.getOrDefault(payment.getId(), 0L));
            if (part <= 0) {
                continue;
            }
            PaymentMethod method = payment.getMethod() == PaymentMethod.CARD ? PaymentMethod.CARD : PaymentMethod.CASH;
            lines.add(new RefundMoney(payment.getId(), method, part, providerKey(refundId, payment.getId()), null));
            left -= part;
        }
        if (left != 0) {
            throw new IllegalStateException("Order " + order.getId() + " holds " + (amountMinor - left)
                    + " in payments, less than the " + amountMinor + " to give back");
        }
        return lines;
    }

    private static String providerKey(String refundId, String paymentId) {
        return "refund-" + UUID.nameUUIDFromBytes((refundId + "/" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    /** Voids the seats' tickets, and closes the order when none is left live; whether it was closed. */
    boolean voidTickets(SaleOrderEntity order, List<RefundSeat> seats, Instant now) {
        Set<String> seatIds = new HashSet<>();
        seats.forEach(s -> seatIds.add(s.seatId()));
        boolean anyLeft = false;
        for (TicketEntity ticket : tickets.findByOrderId(order.getId())) {
            if (ticket.isLive() && seatIds.contains(ticket.getSeatId())) {
                ticket.refund();
                tickets.save(ticket);
            } else if (ticket.isLive()) {
                anyLeft = true;
            }
        }
        if (!anyLeft) {
            order.markRefunded(now);
            orders.save(order);
        }
        return !anyLeft;
    }

    /**
     * Takes a refund whose tickets are void to the end: money back, seats back on sale, complete.
     * Does nothing for one not that far, or finished. A card the provider will not refund now leaves
     * the refund for recovery and fails loudly; a hold store that cannot be reached leaves the seats
     * for recovery quietly, since the buyer's side is done.
     */
    void finish(String refundId) {
        RefundEntity refund = refunds.findById(refundId).orElseThrow();
        if (refund.getStatus() != RefundStatus.TICKETS_VOIDED) {
            return;
        }
        List<RefundMoney> money = refund.getMoney();
        for (int i = 0; i < money.size(); i++) {
            RefundMoney line = money.get(i);
            if (line.isReturned()) {
                continue;
            }
            if (line.method() == PaymentMethod.CARD) {
                PaymentEntity payment = payments.findById(line.paymentId()).orElseThrow();
                RefundResult result = cards.refund(payment.getIdempotencyKey(), line.providerKey(), line.amountMinor());
                if (!result.refunded()) {
                    throw new IllegalStateException("The card provider would not refund " + line.amountMinor()
                            + " of payment " + payment.getId() + " for refund " + refundId);
                }
            }
            int index = i;
            inTx(() -> {
                lock(refund.getOrderId());
                RefundEntity fresh = refunds.findById(refundId).orElseThrow();
                fresh.moneyReturned(index, clock.instant());
                return refunds.save(fresh);
            });
        }
        checkpoints.reached(SaleStep.REFUND_MONEY_RETURNED, refund.getOrderId());
        SaleOrderEntity order = orders.findById(refund.getOrderId()).orElseThrow();
        List<String> seatIds = refund.getSeats().stream().map(RefundSeat::seatId).toList();
        try {
            holds.refund(order.getPerformanceId(), order.getId(), seatIds, order.getBuyer());
        } catch (RuntimeException e) {
            log.warn("Seats {} of refund {} could not be put back on sale now; recovery will: {}", seatIds, refundId,
                    e.toString());
            return;
        }
        checkpoints.reached(SaleStep.REFUND_SEATS_FREED, refund.getOrderId());
        inTx(() -> {
            lock(refund.getOrderId());
            RefundEntity fresh = refunds.findById(refundId).orElseThrow();
            if (fresh.getStatus() == RefundStatus.TICKETS_VOIDED) {
                fresh.complete(clock.instant());
                refunds.save(fresh);
            }
            return fresh;
        });
        checkpoints.reached(SaleStep.REFUND_COMPLETED, refund.getOrderId());
    }

    /** Finishes refunds a crash left with void tickets; how many were finished and how many failed. */
    int[] recover(Instant olderThan) {
        int finished = 0;
        int failed = 0;
        for (RefundEntity refund : refunds.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(RefundStatus.TICKETS_VOIDED, olderThan)) {
            try {
                finish(refund.getId());
                if (refunds.findById(refund.getId()).orElseThrow().getStatus() == RefundStatus.COMPLETED) {
                    finished++;
                } else {
                    failed++;
                }
            } catch (RuntimeException e) {
                log.error("Could not finish refund {}; it is left for the next run", refund.getId(), e);
                failed++;
            }
        }
        return new int[] {finished, failed};
    }

    RefundReceipt receipt(RefundEntity refund) {
        List<String> seatIds = refund.getSeats().stream().map(RefundSeat::seatId).sorted().toList();
        return new RefundReceipt(refund.getId(), refund.getOrderId(), seatIds, refund.getAmountMinor(),
                refund.getCurrency(), sum(refund, PaymentMethod.CARD), sum(refund, PaymentMethod.CASH),
                refund.isOrderFullyRefunded());
    }

    static long sum(RefundEntity refund, PaymentMethod method) {
        return refund.getMoney().stream().filter(m -> m.method() == method).mapToLong(RefundMoney::amountMinor).sum();
    }

    private SaleOrderEntity lock(String orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new UnknownOrderException("No order " + orderId));
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
