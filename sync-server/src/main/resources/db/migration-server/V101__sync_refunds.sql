-- Every refund (or exchange's give-back) a terminal delivered, by the id the terminal gave it: the
-- idempotency record, written in the same transaction that voids the refund's tickets, so "the
-- refund is recorded" and "its tickets are void" are one fact. sequence_no is kept for diagnostics
-- only; it never decides whether a refund is applied. A refund rejected on its own merits is recorded
-- too, so sending it again is answered the same.
CREATE TABLE sync_refund (
    refund_id      VARCHAR(64)                 NOT NULL,
    terminal_id    VARCHAR(64)                 NOT NULL,
    sequence_no    BIGINT                      NOT NULL,
    batch_id       VARCHAR(64),
    kind           VARCHAR(16)                 NOT NULL,
    performance_id VARCHAR(64)                 NOT NULL,
    order_id       VARCHAR(36)                 NOT NULL,
    content_hash   CHAR(64)                    NOT NULL,
    outcome        VARCHAR(16)                 NOT NULL,
    -- seat ids whose tickets this refund voided, joined by ','; empty when none
    seats          TEXT                        NOT NULL,
    amount_minor   BIGINT                      NOT NULL,
    currency       CHAR(3)                     NOT NULL,
    -- why the refund was rejected, as answered; NULL when applied
    reason         VARCHAR(500),
    -- what the terminal gave as the refund's reason, if anything
    note           VARCHAR(500),
    refunded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    applied_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sync_refund PRIMARY KEY (refund_id),
    CONSTRAINT ck_sync_refund_sequence CHECK (sequence_no > 0),
    CONSTRAINT ck_sync_refund_kind CHECK (kind IN ('REFUND', 'EXCHANGE')),
    CONSTRAINT ck_sync_refund_outcome CHECK (outcome IN ('APPLIED', 'REJECTED')),
    CONSTRAINT ck_sync_refund_amount CHECK (amount_minor >= 0),
    CONSTRAINT ck_sync_refund_reason CHECK (outcome = 'APPLIED' OR reason IS NOT NULL)
);

CREATE INDEX ix_sync_refund_terminal ON sync_refund (terminal_id, sequence_no);
CREATE INDEX ix_sync_refund_order ON sync_refund (order_id);
