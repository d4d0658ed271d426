package com.boxoffice.core.sale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;

/**
 * Finds orders for the window: by order id, by the short reference printed on tickets, by ticket
 * id, or by seat. A query that matches nothing answers empty, never an error.
 */
public class OrderLookup {

    /** Characters printed in a short reference: at least 8 of an order id (a UUID). */
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f-]{8,36}");

    private final SaleOrderRepository orders;
    private final PaymentRepository payments;
    private final TicketRepository tickets;
    private final RefundRepository refunds;

    public OrderLookup(SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                       RefundRepository refunds) {
        this.orders = orders;
        this.payments = payments;
        this.tickets = tickets;
        this.refunds = refunds;
    }

    /** The short reference printed on an order's tickets. */
    public static String shortReference(String orderId) {
        return orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(Locale.ROOT);
    }

    public Optional<OrderView> byOrderId(String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        return orders.findById(orderId).map(this::view);
    }

    /**
     * Orders whose id starts with the reference, any case, oldest first. Every match is answered, so
     * a reference two orders share shows both; a reference shorter than 8 characters matches nothing.
     */
    public List<OrderView> byShortReference(String reference) {
        if (reference == null) {
            return List.of();
        }
        String prefix = reference.strip().toLowerCase(Locale.ROOT);
        if (!REFERENCE.matcher(prefix).matches()) {
            return List.of();
        }
        return orders.findByIdStartingWithOrderByCreatedAt(prefix).stream().map(this::view).toList();
    }

    public Optional<OrderView> byTicketId(String ticketId) {
        if (ticketId == null) {
            return Optional.empty();
        }
        return tickets.findById(ticketId).flatMap(t -> byOrderId(t.getOrderId()));
    }

    /** The order holding the seat's live ticket, or else the order of its latest ticket. */
    public Optional<OrderView> bySeat(String performanceId, String seatId) {
        if (performanceId == null || seatId == null) {
            return Optional.empty();
        }
        Optional<TicketEntity> ticket = tickets.findLive(performanceId, seatId)
                .or(() -> tickets.findByPerformanceIdAndSeatIdOrderByIssuedAtDesc(performanceId, seatId).stream().findFirst());
        return ticket.flatMap(t -> byOrderId(t.getOrderId()));
    }

    private OrderView view(SaleOrderEntity order) {
        Map<String, TicketEntity> ticketBySeat = new HashMap<>();
        for (TicketEntity ticket : tickets.findByOrderId(order.getId())) {
            ticketBySeat.put(ticket.getSeatId(), ticket);
        }
        List<OrderView.SeatLine> seats = new ArrayList<>();
        for (OrderSeat seat : order.getSeats()) {
            TicketEntity ticket = ticketBySeat.get(seat.seatId());
            seats.add(new OrderView.SeatLine(seat.seatId(), seat.category(), seat.priceMinor(),
                    ticket == null ? null : ticket.getId(), ticket == null ? null : ticket.getStatus()));
        }
        List<RefundEntity> given = refunds.findByOrderIdOrderByCreatedAt(order.getId());
        Map<String, Long> backByPayment = new HashMap<>();
        List<OrderView.RefundLine> refundLines = new ArrayList<>();
        long refunded = 0;
        for (RefundEntity refund : given) {
            refund.getMoney().forEach(m -> backByPayment.merge(m.paymentId(), m.amountMinor(), Long::sum));
            if (refund.getStatus() != RefundStatus.UNWOUND) {
                refunded += refund.getAmountMinor();
            }
            refundLines.add(new OrderView.RefundLine(refund.getId(), refund.getKind(), refund.getStatus(),
                    refund.getSeats().stream().map(RefundSeat::seatId).sorted().toList(), refund.getAmountMinor(),
                    refund.getNewOrderId(), refund.getReason(), refund.getActor(), refund.getTerminalId(),
                    refund.getCreatedAt()));
        }
        List<OrderView.PaymentLine> paymentLines = new ArrayList<>();
        for (PaymentEntity payment : payments.findByOrderIdOrderByCreatedAt(order.getId())) {
            long back = payment.getStatus() == PaymentStatus.REFUNDED ? payment.getAmountMinor()
                    : backByPayment.getOrDefault(payment.getId(), 0L);
            if (payment.getStatus() == PaymentStatus.REFUNDED) {
                refunded += payment.getAmountMinor();
            }
            paymentLines.add(new OrderView.PaymentLine(payment.getId(), payment.getMethod(), payment.getAmountMinor(),
                    payment.getStatus(), back));
        }
        var confirmedAt = ticketBySeat.values().stream().map(TicketEntity::getIssuedAt)
                .min(Comparator.naturalOrder()).orElse(null);
        return new OrderView(order.getId(), shortReference(order.getId()), order.getPerformanceId(), order.getStatus(),
                order.getChannel(), order.getTerminalId(), order.getCreatedAt(), confirmedAt, order.getCurrency(),
                seats, paymentLines, refundLines, order.getTotalMinor() == null ? 0 : order.getTotalMinor(), refunded);
    }
}
