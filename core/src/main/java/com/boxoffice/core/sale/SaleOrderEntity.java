package com.boxoffice.core.sale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.boxoffice.core.performance.Channel;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One sale in the journal, from held seats to issued tickets. Each step is a method that checks the
 * order may take it, so a replayed or reordered step fails loudly instead of rewriting history.
 *
 * <p>The {@code version} column makes concurrent steps on the same order (a payment callback racing a
 * hold expiry) fail with an optimistic locking error instead of the later one silently winning.
 */
@Entity
@Table(name = "sale_order")
public class SaleOrderEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "performance_id", nullable = false, length = 64)
    private String performanceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 16)
    private Channel channel;

    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    @Column(name = "buyer", length = 320)
    private String buyer;

    @Column(name = "hold_id", length = 128)
    private String holdId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "total_minor")
    private Long totalMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", length = 3)
    private String currency;

    @Column(name = "payment_idempotency_key", length = 100, unique = true)
    private String paymentIdempotencyKey;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Eager: an order is never handled without its seats, and there are at most a few dozen.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_seat", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("seatId")
    private List<OrderSeat> seats = new ArrayList<>();

    protected SaleOrderEntity() {
    }

    /**
     * Starts a sale of held seats.
     *
     * @param id            a new UUID, made by the caller so that an offline terminal can make one
     * @param terminalId    the terminal selling; required except online
     * @param buyer         who buys, when known (online account, kiosk e-mail); {@code null} at the window
     * @param holdId        the hold the seats are under; {@code null} for an offline sale from an allocation
     */
    public static SaleOrderEntity open(String id, String performanceId, Channel channel, String terminalId,
                                       String buyer, String holdId, Instant now) {
        Objects.requireNonNull(channel, "channel");
        if (channel != Channel.ONLINE && terminalId == null) {
            throw new IllegalArgumentException(channel + " sales are made at a terminal, but no terminal was given");
        }
        SaleOrderEntity order = new SaleOrderEntity();
        order.id = Objects.requireNonNull(id, "id");
        order.performanceId = Objects.requireNonNull(performanceId, "performanceId");
        order.channel = channel;
        order.terminalId = terminalId;
        order.buyer = buyer;
        order.holdId = holdId;
        order.status = OrderStatus.HELD;
        order.createdAt = Objects.requireNonNull(now, "now");
        order.updatedAt = now;
        return order;
    }

    /** Fixes the price of every seat; the total is their sum. */
    public void price(List<OrderSeat> pricedSeats, String currency, Instant now) {
        if (pricedSeats.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one seat");
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (OrderSeat seat : pricedSeats) {
            if (!seen.add(seat.seatId())) {
                throw new IllegalArgumentException("Seat " + seat.seatId() + " appears twice in order " + id);
            }
            total = Math.addExact(total, seat.priceMinor());
        }
        moveTo(OrderStatus.PRICED, now);
        this.currency = Objects.requireNonNull(currency, "currency");
        this.totalMinor = total;
        seats.clear();
        pricedSeats.stream().sorted(Comparator.comparing(OrderSeat::seatId)).forEach(seats::add);
    }

    /**
     * Records that a payment is about to be attempted under the given key, before the attempt, so that
     * after a crash the key shows which payment to look up instead of charging again.
     */
    public void awaitPayment(String idempotencyKey, Instant now) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        moveTo(OrderStatus.PAYMENT_PENDING, now);
        this.paymentIdempotencyKey = idempotencyKey;
    }

    /**
     * Records another payment attempt on an order already waiting for payment. Touching the order
     * (and its version) marks it as in use, so recovery, which only picks up orders left alone for a
     * while, does not unwind a sale a clerk is still paying for.
     */
    public void recordPaymentAttempt(Instant now) {
        if (status != OrderStatus.PAYMENT_PENDING) {
            throw new IllegalStateException("Order " + id + " is " + status + ", not waiting for payment");
        }
        updatedAt = Objects.requireNonNull(now, "now");
    }

    public void markPaid(Instant now) {
        moveTo(OrderStatus.PAID, now);
    }

    /** Tickets are issued: the sale is complete. */
    public void confirm(Instant now) {
        moveTo(OrderStatus.CONFIRMED, now);
    }

    /** Gives up on a sale in which no money was taken. */
    public void fail(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        moveTo(OrderStatus.FAILED, now);
        this.failureReason = reason;
    }

    /** Abandons a sale in which no money was taken. */
    public void cancel(Instant now) {
        moveTo(OrderStatus.CANCELLED, now);
    }

    /** Records that the money taken for the order was given back. */
    public void markRefunded(Instant now) {
        moveTo(OrderStatus.REFUNDED, now);
    }

    private void moveTo(OrderStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Order " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
        updatedAt = Objects.requireNonNull(now, "now");
    }

    @Override
    public String getId() {
        return id;
    }

    public String getPerformanceId() {
        return performanceId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public String getBuyer() {
        return buyer;
    }

    public String getHoldId() {
        return holdId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    /** Total in minor units of {@link #getCurrency()}; {@code null} until priced. */
    public Long getTotalMinor() {
        return totalMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentIdempotencyKey() {
        return paymentIdempotencyKey;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Seats with their fixed prices, by seat id. */
    public List<OrderSeat> getSeats() {
        return List.copyOf(seats);
    }

    public long getVersion() {
        return version;
    }
}
