package com.boxoffice.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.sale.ConfirmedSales;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.RefundKind;
import com.boxoffice.core.sale.RefundSeat;
import com.boxoffice.core.sale.SaleOrderEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal's outbox of sales for the sync server. Every confirmed sale, online or offline, is
 * appended in the transaction that confirms it, so central PostgreSQL gets every sale the terminal
 * made and a crash can never confirm a sale without queueing it (or queue one that was not
 * confirmed). Seats given back are appended the same way, in the transaction that voids their
 * tickets, after the sale they came from.
 *
 * <p>Each sale gets a fresh UUID as its sale id, the key the server applies it under; sequence
 * numbers only order a terminal's entries. Numbers are handed out in this process (one terminal
 * process owns its H2 file), starting after the highest stored; a rolled-back sale leaves a gap,
 * which is harmless because nothing is acknowledged by sequence.
 */
public class TerminalOutbox implements ConfirmedSales {

    /** The outbox entry kind of a sale made online: its seats are sold in the live state already. */
    public static final String SALE = "SALE";
    /** The kind of a sale made offline: its seats reach the live state when the connection is back. */
    public static final String OFFLINE_SALE = "OFFLINE_SALE";
    /** The kind of seats given back (a refund, or the old seats of an exchange): their tickets are void. */
    public static final String REFUND = "REFUND";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxRepository outbox;
    private final String terminalId;
    private final Clock clock;
    private final Function<SaleOrderEntity, SellingMode> modes;
    private final ReentrantLock numbering = new ReentrantLock();
    private long last = -1;

    /**
     * @param modes how the terminal took an order's seats (online, or offline from its allocation or
     *              at risk); decided by whoever knows whether the terminal was offline
     */
    public TerminalOutbox(OutboxRepository outbox, String terminalId, Clock clock,
                          Function<SaleOrderEntity, SellingMode> modes) {
        this.outbox = outbox;
        this.terminalId = terminalId;
        this.clock = clock;
        this.modes = modes;
    }

    @Override
    public void confirmed(SaleOrderEntity order, List<PaymentEntity> payments) {
        long sequence = nextSequence();
        SellingMode mode = modes.apply(order);
        SyncSale sale = new SyncSale(UUID.randomUUID().toString(), sequence, order.getPerformanceId(), order.getId(),
                order.getChannel().name(), mode.name(), clock.instant(), order.getBuyer(),
                order.getCurrency(), seats(order), taken(payments));
        outbox.save(OutboxEntryEntity.append(terminalId, sequence, mode == SellingMode.ONLINE ? SALE : OFFLINE_SALE,
                JSON.writeValueAsString(sale), sale.saleId(), clock.instant()));
    }

    @Override
    public void givenBack(String refundId, RefundKind kind, SaleOrderEntity order, List<RefundSeat> seats,
                          long amountMinor, String reason) {
        long sequence = nextSequence();
        SyncRefund refund = new SyncRefund(refundMessageId(terminalId, refundId), sequence, kind.name(),
                order.getPerformanceId(), order.getId(), seats.stream().map(RefundSeat::seatId).toList(), amountMinor,
                order.getCurrency(), clock.instant(), reason);
        outbox.save(OutboxEntryEntity.append(terminalId, sequence, REFUND, JSON.writeValueAsString(refund),
                refund.refundId(), clock.instant()));
    }

    /**
     * The id a refund is delivered and applied under: made from the terminal and its own refund id
     * (which may be up to 100 characters), the same every time, and short enough for the outbox.
     */
    static String refundMessageId(String terminalId, String refundId) {
        return UUID.nameUUIDFromBytes(("refund/" + terminalId + "/" + refundId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private long nextSequence() {
        numbering.lock();
        try {
            if (last < 0) {
                last = outbox.findLastSequenceNo(terminalId);
            }
            return ++last;
        } finally {
            numbering.unlock();
        }
    }

    private static List<SyncSale.Seat> seats(SaleOrderEntity order) {
        return order.getSeats().stream()
                .map((OrderSeat seat) -> new SyncSale.Seat(seat.seatId(), seat.category(), seat.priceMinor()))
                .toList();
    }

    /** The money that stayed taken: declined, voided and refunded attempts are not part of the sale. */
    private static List<SyncSale.Payment> taken(List<PaymentEntity> payments) {
        return payments.stream()
                .filter(p -> p.getStatus() == PaymentStatus.CAPTURED || p.getStatus() == PaymentStatus.AUTHORISED)
                .map(p -> new SyncSale.Payment(p.getMethod().name(), p.getAmountMinor(), p.getTenderedMinor(),
                        p.getChangeMinor(), p.getIdempotencyKey(), p.getProviderReference()))
                .toList();
    }
}
