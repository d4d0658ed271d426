-- The sync server's own tables. They live in db/migration-server and start at version 100 so they can
-- never take a version number the core's migrations (db/migration, V1 and up) will want: both folders
-- feed one Flyway history, and a clash would stop the server at start. PostgreSQL only: terminals
-- never run these.

-- Every sale a terminal uploaded, by the id the terminal gave it: the idempotency record. The row is
-- written in the same transaction as the order, tickets and conflict it led to, so "the sale is
-- recorded" and "its effects are in the database" are one fact. sequence_no is kept for diagnostics
-- and ordering only; it never decides whether a sale is applied (a re-imaged terminal starts at 1).
CREATE TABLE sync_sale (
    sale_id        VARCHAR(64)                 NOT NULL,
    terminal_id    VARCHAR(64)                 NOT NULL,
    sequence_no    BIGINT                      NOT NULL,
    batch_id       VARCHAR(64),
    performance_id VARCHAR(64)                 NOT NULL,
    content_hash   CHAR(64)                    NOT NULL,
    outcome        VARCHAR(16)                 NOT NULL,
    order_id       VARCHAR(36)                 NOT NULL,
    -- seat ids the buyer holds tickets for, joined by ','; empty when none
    seats          TEXT                        NOT NULL,
    conflict_id    VARCHAR(36),
    reason         VARCHAR(500),
    applied_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sync_sale PRIMARY KEY (sale_id),
    CONSTRAINT ck_sync_sale_sequence CHECK (sequence_no > 0),
    CONSTRAINT ck_sync_sale_outcome CHECK (outcome IN ('ACCEPTED', 'RESEATED', 'REFUND_DUE', 'REJECTED'))
);

CREATE INDEX ix_sync_sale_terminal ON sync_sale (terminal_id, sequence_no);

-- A terminal's sale that found some of its seats taken centrally, and what was done about it. Open
-- until a manager accepts the new seats, refunds the order or moves the buyer.
CREATE TABLE sync_conflict (
    id             VARCHAR(36)                 NOT NULL,
    sale_id        VARCHAR(64)                 NOT NULL,
    performance_id VARCHAR(64)                 NOT NULL,
    terminal_id    VARCHAR(64)                 NOT NULL,
    order_id       VARCHAR(36)                 NOT NULL,
    category       VARCHAR(16)                 NOT NULL,
    -- seat ids the terminal sold, joined by ','
    wanted_seats   TEXT                        NOT NULL,
    -- JSON list of {seatId, state, orderId?}: who had the seats when the sale arrived
    taken_by       TEXT                        NOT NULL,
    resolution     VARCHAR(16)                 NOT NULL,
    -- seat ids the buyer holds now, joined by ','; empty when none
    new_seats      TEXT                        NOT NULL,
    status         VARCHAR(16)                 NOT NULL,
    action         VARCHAR(16),
    resolved_by    VARCHAR(100),
    resolved_at    TIMESTAMP(6) WITH TIME ZONE,
    note           VARCHAR(1000),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sync_conflict PRIMARY KEY (id),
    CONSTRAINT uq_sync_conflict_sale UNIQUE (sale_id),
    CONSTRAINT fk_sync_conflict_performance FOREIGN KEY (performance_id) REFERENCES performance (id),
    CONSTRAINT fk_sync_conflict_order FOREIGN KEY (order_id) REFERENCES sale_order (id),
    CONSTRAINT ck_sync_conflict_resolution CHECK (resolution IN ('RESEATED', 'REFUND_DUE')),
    CONSTRAINT ck_sync_conflict_status CHECK (
        (status = 'OPEN' AND action IS NULL AND resolved_by IS NULL AND resolved_at IS NULL)
        OR (status = 'RESOLVED' AND action IN ('ACCEPT_RESEAT', 'REFUND', 'MOVE')
            AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL))
);

CREATE INDEX ix_sync_conflict_status ON sync_conflict (status, created_at);
