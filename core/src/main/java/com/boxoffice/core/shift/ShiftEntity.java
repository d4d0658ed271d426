package com.boxoffice.core.shift;

import java.time.Instant;
import java.util.Objects;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One shift at one terminal's drawer. The close writes the report's figures into the row once; after
 * that nothing changes, so a reprint shows what was signed off.
 */
@Entity
@Table(name = "shift")
public class ShiftEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "opening_float_minor", nullable = false)
    private long openingFloatMinor;

    @Column(name = "opened_by", nullable = false, length = 32)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 8)
    private ShiftStatus status;

    @Column(name = "closed_by", length = 32)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "cash_taken_minor")
    private Long cashTakenMinor;

    @Column(name = "cash_refunded_minor")
    private Long cashRefundedMinor;

    @Column(name = "card_taken_minor")
    private Long cardTakenMinor;

    @Column(name = "card_refunded_minor")
    private Long cardRefundedMinor;

    @Column(name = "sales")
    private Integer sales;

    @Column(name = "refunds")
    private Integer refunds;

    @Column(name = "tickets")
    private Integer tickets;

    @Column(name = "expected_cash_minor")
    private Long expectedCashMinor;

    @Column(name = "counted_cash_minor")
    private Long countedCashMinor;

    @Column(name = "over_short_minor")
    private Long overShortMinor;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ShiftEntity() {
    }

    static ShiftEntity open(String id, String terminalId, String currency, long openingFloatMinor, String openedBy,
                            Instant now) {
        if (openingFloatMinor < 0) {
            throw new IllegalArgumentException("openingFloatMinor must not be negative, was " + openingFloatMinor);
        }
        ShiftEntity shift = new ShiftEntity();
        shift.id = Objects.requireNonNull(id, "id");
        shift.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        shift.currency = Objects.requireNonNull(currency, "currency");
        shift.openingFloatMinor = openingFloatMinor;
        shift.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        shift.openedAt = Objects.requireNonNull(now, "now");
        shift.status = ShiftStatus.OPEN;
        return shift;
    }

    /** Writes the report: what the drawer should hold, what was counted, and the difference. */
    void close(String staffId, Instant now, ShiftTotals totals, long countedCashMinor) {
        if (status != ShiftStatus.OPEN) {
            throw new IllegalStateException("Shift " + id + " is already closed");
        }
        if (countedCashMinor < 0) {
            throw new IllegalArgumentException("countedCashMinor must not be negative, was " + countedCashMinor);
        }
        status = ShiftStatus.CLOSED;
        closedBy = Objects.requireNonNull(staffId, "staffId");
        closedAt = Objects.requireNonNull(now, "now");
        cashTakenMinor = totals.cashTakenMinor();
        cashRefundedMinor = totals.cashRefundedMinor();
        cardTakenMinor = totals.cardTakenMinor();
        cardRefundedMinor = totals.cardRefundedMinor();
        sales = totals.sales();
        refunds = totals.refunds();
        tickets = totals.tickets();
        expectedCashMinor = Math.subtractExact(Math.addExact(openingFloatMinor, cashTakenMinor), cashRefundedMinor);
        this.countedCashMinor = countedCashMinor;
        overShortMinor = Math.subtractExact(countedCashMinor, expectedCashMinor);
    }

    ShiftView view() {
        return new ShiftView(id, terminalId, openedBy, openedAt, openingFloatMinor, currency);
    }

    ShiftReport report() {
        if (status != ShiftStatus.CLOSED) {
            throw new IllegalStateException("Shift " + id + " is still open");
        }
        return new ShiftReport(id, terminalId, currency, openingFloatMinor, cashTakenMinor, cashRefundedMinor,
                cardTakenMinor, cardRefundedMinor, sales, refunds, tickets, expectedCashMinor, countedCashMinor,
                overShortMinor, openedBy, openedAt, closedBy, closedAt);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public String getCurrency() {
        return currency;
    }

    public long getOpeningFloatMinor() {
        return openingFloatMinor;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public ShiftStatus getStatus() {
        return status;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
