package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a terminal recorded and still has to deliver to the sync server, numbered per terminal so
 * the server can acknowledge "everything up to n" and spot a gap.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(name = "sequence_no", nullable = false)
    private long sequenceNo;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "message_id", length = 36)
    private String messageId;

    @Column(name = "outcome", length = 16)
    private String outcome;

    @Column(name = "outcome_detail")
    private String outcomeDetail;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    protected OutboxEntryEntity() {
    }

    /**
     * An undelivered entry.
     *
     * @param sequenceNo one more than the terminal's last; storing a number already used fails
     * @param payload    the message as the sync protocol carries it
     */
    public static OutboxEntryEntity append(String terminalId, long sequenceNo, String kind, String payload, Instant now) {
        if (sequenceNo < 1) {
            throw new IllegalArgumentException("sequenceNo starts at 1, was " + sequenceNo);
        }
        OutboxEntryEntity entry = new OutboxEntryEntity();
        entry.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        entry.sequenceNo = sequenceNo;
        entry.kind = Objects.requireNonNull(kind, "kind");
        entry.payload = Objects.requireNonNull(payload, "payload");
        entry.createdAt = Objects.requireNonNull(now, "now");
        return entry;
    }

    /**
     * An undelivered entry the server applies under {@code messageId} (a sale's id): sending it again
     * is answered from the server's record, never applied twice.
     */
    public static OutboxEntryEntity append(String terminalId, long sequenceNo, String kind, String payload,
                                           String messageId, Instant now) {
        OutboxEntryEntity entry = append(terminalId, sequenceNo, kind, payload, now);
        entry.messageId = Objects.requireNonNull(messageId, "messageId");
        return entry;
    }

    /** The server's answer: the entry is delivered, and what became of it is kept for the clerk. */
    public void recordOutcome(String outcome, String detail, Instant at) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.outcomeDetail = detail;
        markDelivered(at);
    }

    /** The server has it. Delivering twice keeps the first time, since the server ignores repeats. */
    public void markDelivered(Instant at) {
        if (deliveredAt == null) {
            deliveredAt = Objects.requireNonNull(at, "at");
        }
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public long getSequenceNo() {
        return sequenceNo;
    }

    public String getKind() {
        return kind;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    /** The seats of this offline sale are settled in the live state (see {@code V11__outbox_claims.sql}). */
    public void markClaimed(Instant at) {
        if (claimedAt == null) {
            claimedAt = Objects.requireNonNull(at, "at");
        }
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public String getMessageId() {
        return messageId;
    }

    /** ACCEPTED, RESEATED, REFUND_DUE or REJECTED once delivered; null before. */
    public String getOutcome() {
        return outcome;
    }

    /** The server's whole answer for the entry, as JSON. */
    public String getOutcomeDetail() {
        return outcomeDetail;
    }
}
