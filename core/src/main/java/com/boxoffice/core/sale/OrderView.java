package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.List;

import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.ticket.TicketStatus;

/**
 * An order as the window sees it when a buyer comes back: what was sold, how it was paid, what was
 * given back. A copy: it does not change when the order does.
 *
 * @param shortReference first 8 characters of the order id, upper case, as printed on tickets
 * @param confirmedAt    when its tickets were issued; {@code null} if they never were
 * @param totalMinor     the order's total; {@code 0} before it was priced
 * @param refundedMinor  value of the seats given back (refunds and exchanges under way or done), plus
 *                       payments given back whole because the sale failed
 */
public record OrderView(String orderId, String shortReference, String performanceId, OrderStatus status,
                        Channel channel, String terminalId, Instant createdAt, Instant confirmedAt, String currency,
                        List<SeatLine> seats, List<PaymentLine> payments, List<RefundLine> refunds, long totalMinor,
                        long refundedMinor) {

    public OrderView {
        seats = List.copyOf(seats);
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
    }

    /**
     * A seat of the order.
     *
     * @param ticketId     its ticket; {@code null} (with its status) when no ticket was issued
     */
    public record SeatLine(String seatId, String category, long priceMinor, String ticketId, TicketStatus ticketStatus) {
    }

    /**
     * A payment of the order.
     *
     * @param refundedMinor how much of it went (or is going) back to the buyer
     */
    public record PaymentLine(String paymentId, PaymentMethod method, long amountMinor, PaymentStatus status,
                              long refundedMinor) {
    }

    /**
     * A refund or exchange of some of the order's seats.
     *
     * @param newOrderId the order an exchange moved the buyer to; {@code null} for a refund
     * @param terminalId where the money was handed back
     */
    public record RefundLine(String refundId, RefundKind kind, RefundStatus status, List<String> seatIds,
                             long amountMinor, String newOrderId, String reason, String actor, String terminalId,
                             Instant at) {

        public RefundLine {
            seatIds = List.copyOf(seatIds);
        }
    }
}
