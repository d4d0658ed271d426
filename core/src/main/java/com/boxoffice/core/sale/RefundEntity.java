package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Seats of a confirmed order given back, for money (a refund) or for other seats (an exchange), with
 * the money to hand back. Written before any money or seat moves; see {@link RefundStatus}.
 */
@Entity
@Table(name = "refund")
public class RefundEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 100)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private RefundKind kind;

    @Column(name = "new_order_id", length = 36)
    private String newOrderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RefundStatus status;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "order_fully_refunded", nullable = false)
    private boolean orderFullyRefunded;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_seat", joinColumns = @JoinColumn(name = "refund_id"))
    private List<RefundSeat> seats = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_money", joinColumns = @JoinColumn(name = "refund_id"))
    @OrderColumn(name = "line_no")
    private List<RefundMoney> money = new ArrayList<>();

    protected RefundEntity() {
    }

    /**
     * A refund or exchange as first journalled.
     *
     * @param amountMinor value of the seats given back
     * @param money       what goes back to the buyer and how (for an exchange: only what the new
     *                    order does not use up)
     */
    static RefundEntity journal(String id, RefundKind kind, String orderId, String newOrderId, String reason,
                                String actor, String terminalId, List<RefundSeat> seats, long amountMinor,
                                String currency, List<RefundMoney> money, boolean orderFullyRefunded, Instant now) {
        RefundEntity refund = new RefundEntity();
        refund.id = Objects.requireNonNull(id, "id");
        refund.kind = Objects.requireNonNull(kind, "kind");
        refund.orderId = Objects.requireNonNull(orderId, "orderId");
        refund.newOrderId = newOrderId;
        refund.reason = Objects.requireNonNull(reason, "reason");
        refund.actor = Objects.requireNonNull(actor, "actor");
        refund.terminalId = terminalId;
        refund.seats.addAll(seats);
        refund.amountMinor = amountMinor;
        refund.currency = Objects.requireNonNull(currency, "currency");
        refund.money.addAll(money);
        refund.orderFullyRefunded = orderFullyRefunded;
        refund.status = kind == RefundKind.EXCHANGE ? RefundStatus.AWAITING_NEW_SALE : RefundStatus.TICKETS_VOIDED;
        refund.createdAt = Objects.requireNonNull(now, "now");
        refund.updatedAt = now;
        return refund;
    }

    /** The exchange's new order is confirmed and the old tickets are now void. */
    void ticketsVoided(boolean fullyRefunded, Instant now) {
        expect(RefundStatus.AWAITING_NEW_SALE);
        this.orderFullyRefunded = fullyRefunded;
        status = RefundStatus.TICKETS_VOIDED;
        updatedAt = now;
    }

    /** Records that the money of line {@code index} went back. */
    void moneyReturned(int index, Instant now) {
        money.set(index, money.get(index).returned(now));
        updatedAt = now;
    }

    void complete(Instant now) {
        expect(RefundStatus.TICKETS_VOIDED);
        status = RefundStatus.COMPLETED;
        updatedAt = now;
    }

    /** The exchange's new sale failed: the seats were never given back and may be refunded again. */
    void unwind(Instant now) {
        expect(RefundStatus.AWAITING_NEW_SALE);
        status = RefundStatus.UNWOUND;
        seats.clear();
        money.clear();
        updatedAt = now;
    }

    private void expect(RefundStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Refund " + id + " is " + status + ", not " + expected);
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public String getOrderId() {
        return orderId;
    }

    public RefundKind getKind() {
        return kind;
    }

    /** The order an exchange moved the buyer to; {@code null} for a refund. */
    public String getNewOrderId() {
        return newOrderId;
    }

    public RefundStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isOrderFullyRefunded() {
        return orderFullyRefunded;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<RefundSeat> getSeats() {
        return List.copyOf(seats);
    }

    public List<RefundMoney> getMoney() {
        return List.copyOf(money);
    }
}
