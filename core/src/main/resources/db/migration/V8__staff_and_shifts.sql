-- Staff who sign in at the terminals. The PIN is kept only as a salted PBKDF2 hash
-- ("pbkdf2-sha256$<iterations>$<salt>$<hash>", Base64), so a copied database gives no PIN away directly.
-- failed_pins counts wrong PINs in a row; locked_until is set when they reach the limit.
CREATE TABLE staff (
    id           VARCHAR(32)                 NOT NULL,
    display_name VARCHAR(200)                NOT NULL,
    role         VARCHAR(16)                 NOT NULL,
    pin_hash     VARCHAR(200)                NOT NULL,
    active       BOOLEAN                     NOT NULL,
    failed_pins  INTEGER                     NOT NULL,
    locked_until TIMESTAMP(6) WITH TIME ZONE,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version      BIGINT                      NOT NULL,
    CONSTRAINT pk_staff PRIMARY KEY (id),
    CONSTRAINT ck_staff_role CHECK (role IN ('CLERK', 'MANAGER', 'KIOSK')),
    CONSTRAINT ck_staff_failed_pins CHECK (failed_pins >= 0)
);

-- A clerk's time at one terminal's cash drawer, from the opening float to the count at the close.
-- The report figures are written once, at the close, so a reprint shows what the clerk signed off
-- even if the journal changes later. terminal_id has no foreign key for the same reason as
-- sale_order.terminal_id.
CREATE TABLE shift (
    id                  VARCHAR(36)                 NOT NULL,
    terminal_id         VARCHAR(64)                 NOT NULL,
    currency            CHAR(3)                     NOT NULL,
    opening_float_minor BIGINT                      NOT NULL,
    opened_by           VARCHAR(32)                 NOT NULL,
    opened_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status              VARCHAR(8)                  NOT NULL,
    closed_by           VARCHAR(32),
    closed_at           TIMESTAMP(6) WITH TIME ZONE,
    cash_taken_minor    BIGINT,
    cash_refunded_minor BIGINT,
    card_taken_minor    BIGINT,
    card_refunded_minor BIGINT,
    sales               INTEGER,
    refunds             INTEGER,
    tickets             INTEGER,
    expected_cash_minor BIGINT,
    counted_cash_minor  BIGINT,
    over_short_minor    BIGINT,
    version             BIGINT                      NOT NULL,
    CONSTRAINT pk_shift PRIMARY KEY (id),
    CONSTRAINT fk_shift_opened_by FOREIGN KEY (opened_by) REFERENCES staff (id),
    CONSTRAINT fk_shift_closed_by FOREIGN KEY (closed_by) REFERENCES staff (id),
    CONSTRAINT ck_shift_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_shift_float CHECK (opening_float_minor >= 0),
    -- An open shift has no close figures; a closed one has all of them, and they add up.
    CONSTRAINT ck_shift_close CHECK (
        (status = 'OPEN' AND closed_by IS NULL AND closed_at IS NULL AND cash_taken_minor IS NULL
            AND cash_refunded_minor IS NULL AND card_taken_minor IS NULL AND card_refunded_minor IS NULL
            AND sales IS NULL AND refunds IS NULL AND tickets IS NULL AND expected_cash_minor IS NULL
            AND counted_cash_minor IS NULL AND over_short_minor IS NULL)
        OR (status = 'CLOSED' AND closed_by IS NOT NULL AND closed_at IS NOT NULL AND closed_at >= opened_at
            AND cash_taken_minor IS NOT NULL AND cash_refunded_minor IS NOT NULL
            AND card_taken_minor IS NOT NULL AND card_refunded_minor IS NOT NULL
            AND sales IS NOT NULL AND refunds IS NOT NULL AND tickets IS NOT NULL
            AND counted_cash_minor IS NOT NULL AND counted_cash_minor >= 0
            AND expected_cash_minor IS NOT NULL
            AND expected_cash_minor = opening_float_minor + cash_taken_minor - cash_refunded_minor
            AND over_short_minor IS NOT NULL AND over_short_minor = counted_cash_minor - expected_cash_minor))
);

CREATE INDEX ix_shift_terminal ON shift (terminal_id, opened_at);

-- At most one open shift per terminal, enforced by the primary key: a row is inserted in the same
-- transaction that opens a shift and deleted in the one that closes it, so of two opens racing on one
-- terminal the second fails on the key, whichever database and isolation level. (A partial unique
-- index on shift would say this more directly, but H2 has none.)
CREATE TABLE open_shift (
    terminal_id VARCHAR(64) NOT NULL,
    shift_id    VARCHAR(36) NOT NULL,
    CONSTRAINT pk_open_shift PRIMARY KEY (terminal_id),
    CONSTRAINT uq_open_shift_shift UNIQUE (shift_id),
    CONSTRAINT fk_open_shift_shift FOREIGN KEY (shift_id) REFERENCES shift (id)
);
