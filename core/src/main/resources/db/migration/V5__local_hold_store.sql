-- Seat holds of a terminal that sells on its own while offline (LocalHoldStore).
-- The store keeps every performance in memory and writes each change here, in one transaction,
-- before it answers, so that a terminal restarted after a crash comes back with the same seats,
-- holds and buyer counts. Written for both H2 (the terminal) and PostgreSQL.
-- Times are epoch milliseconds, as in the Redis store.

-- One row per performance whose seats were loaded on this terminal.
CREATE TABLE local_performance (
    performance_id VARCHAR(255) NOT NULL,
    seat_count     INTEGER      NOT NULL,
    feed_seq       BIGINT       NOT NULL,
    loaded_at      BIGINT       NOT NULL,
    CONSTRAINT local_performance_pk PRIMARY KEY (performance_id)
);

-- Seats that are not available; a seat without a row is free, so an empty house costs no rows.
-- owner: hold id (H), order id (S), reason (B) or terminal id (A).
CREATE TABLE local_seat_state (
    performance_id VARCHAR(255) NOT NULL,
    seat_index     INTEGER      NOT NULL,
    state          CHAR(1)      NOT NULL,
    owner          VARCHAR(4000),
    CONSTRAINT local_seat_state_pk PRIMARY KEY (performance_id, seat_index),
    CONSTRAINT local_seat_state_performance FOREIGN KEY (performance_id) REFERENCES local_performance (performance_id),
    CONSTRAINT local_seat_state_code CHECK (state IN ('H', 'S', 'B', 'A'))
);

-- Every hold, live or ended; ended ones are kept for a retention so that a repeated call gets the
-- same answer, then purged by the sweep.
-- seats: seat indexes joined by ','; previous_states: the state each seat had before it was held
-- ('.' or 'A'), one character per seat, so that a release gives allocated seats back to the terminal.
CREATE TABLE local_hold (
    hold_id         VARCHAR(400)  NOT NULL,
    performance_id  VARCHAR(255)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    owner           VARCHAR(4000) NOT NULL,
    buyer           VARCHAR(1000),
    token_hash      CHAR(64)      NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    terminal_id     VARCHAR(255),
    seats           VARCHAR(100000) NOT NULL,
    previous_states VARCHAR(100000) NOT NULL,
    created_at      BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL,
    extensions      INTEGER       NOT NULL,
    order_id        VARCHAR(1000),
    ended_at        BIGINT,
    CONSTRAINT local_hold_pk PRIMARY KEY (hold_id),
    CONSTRAINT local_hold_performance FOREIGN KEY (performance_id) REFERENCES local_performance (performance_id),
    CONSTRAINT local_hold_status CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED'))
);

CREATE INDEX local_hold_by_performance ON local_hold (performance_id);

-- Seats each buyer holds or bought, so the per-buyer limit holds across a restart.
CREATE TABLE local_buyer (
    performance_id VARCHAR(255)  NOT NULL,
    buyer          VARCHAR(1000) NOT NULL,
    seats          INTEGER       NOT NULL,
    CONSTRAINT local_buyer_pk PRIMARY KEY (performance_id, buyer),
    CONSTRAINT local_buyer_performance FOREIGN KEY (performance_id) REFERENCES local_performance (performance_id)
);

-- Journal sales already applied, so that a sale sent twice is applied once.
CREATE TABLE local_applied_sale (
    performance_id VARCHAR(255)  NOT NULL,
    sale_id        VARCHAR(1000) NOT NULL,
    order_id       VARCHAR(1000) NOT NULL,
    CONSTRAINT local_applied_sale_pk PRIMARY KEY (performance_id, sale_id),
    CONSTRAINT local_applied_sale_performance FOREIGN KEY (performance_id) REFERENCES local_performance (performance_id)
);
