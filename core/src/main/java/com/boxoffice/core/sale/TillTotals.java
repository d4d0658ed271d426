package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentMethod;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketRepository;

/** Adds up what a terminal took and gave back in a time window; see {@link SaleTotals}. */
public class TillTotals {

    private final PaymentRepository payments;
    private final TicketRepository tickets;
    private final RefundRepository refunds;

    public TillTotals(PaymentRepository payments, TicketRepository tickets, RefundRepository refunds) {
        this.payments = payments;
        this.tickets = tickets;
        this.refunds = refunds;
    }

    /** Totals of {@code terminalId} in [from, to). */
    public SaleTotals totals(String terminalId, Instant from, Instant to) {
        if (terminalId == null || from == null || to == null || to.isBefore(from)) {
            throw new InvalidSaleRequestException("Totals need a terminal and a window whose end is not before its start");
        }
        long cashIn = 0;
        long cardIn = 0;
        for (PaymentEntity payment : payments.findMadeAt(terminalId, from, to)) {
            boolean taken = payment.getStatus() == PaymentStatus.CAPTURED || payment.getStatus() == PaymentStatus.REFUNDED;
            if (taken && payment.getMethod() == PaymentMethod.CASH) {
                cashIn += payment.getAmountMinor();
            } else if (taken && payment.getMethod() == PaymentMethod.CARD) {
                cardIn += payment.getAmountMinor();
            }
        }
        long cashOut = 0;
        long cardOut = 0;
        for (PaymentEntity payment : payments.findGivenBackWholeAt(terminalId, from, to)) {
            if (payment.getMethod() == PaymentMethod.CASH) {
                cashOut += payment.getAmountMinor();
            } else if (payment.getMethod() == PaymentMethod.CARD) {
                cardOut += payment.getAmountMinor();
            }
        }
        int refundCount = 0;
        int exchangeCount = 0;
        int ticketsBack = 0;
        for (RefundEntity refund : refunds.findByTerminalIdAndUpdatedAtGreaterThanEqual(terminalId, from)) {
            for (RefundMoney money : refund.getMoney()) {
                if (money.isReturned() && !money.returnedAt().isBefore(from) && money.returnedAt().isBefore(to)) {
                    if (money.method() == PaymentMethod.CASH) {
                        cashOut += money.amountMinor();
                    } else {
                        cardOut += money.amountMinor();
                    }
                }
            }
            boolean inWindow = !refund.getCreatedAt().isBefore(from) && refund.getCreatedAt().isBefore(to);
            if (inWindow && refund.getStatus() != RefundStatus.UNWOUND) {
                if (refund.getKind() == RefundKind.REFUND) {
                    refundCount++;
                } else {
                    exchangeCount++;
                }
                ticketsBack += refund.getSeats().size();
            }
        }
        Set<String> soldOrders = new HashSet<>();
        int issued = 0;
        for (TicketEntity ticket : tickets.findIssuedAt(terminalId, from, to)) {
            soldOrders.add(ticket.getOrderId());
            issued++;
        }
        return new SaleTotals(terminalId, from, to, cashIn, cashOut, cardIn, cardOut, soldOrders.size(), refundCount,
                exchangeCount, issued, ticketsBack);
    }
}
