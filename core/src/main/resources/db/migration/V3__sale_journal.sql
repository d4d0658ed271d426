-- The sale journal. Ids are UUID strings made by whoever starts the sale, so that journals written by
-- terminals while offline merge into the central database without renumbering.
-- terminal_id has no foreign key for the same reason as seat_assignment.terminal_id.

CREATE TABLE sale_order (
    id                      VARCHAR(36)                 NOT NULL,
    performance_id          VARCHAR(64)                 NOT NULL,
    channel                 VARCHAR(16)                 NOT NULL,
    terminal_id             VARCHAR(64),
    buyer                   VARCHAR(320),
    -- NULL for seats a terminal sold from its own allocation while offline, where no hold exists.
    hold_id                 VARCHAR(64),
    status                  VARCHAR(20)                 NOT NULL,
    total_minor             BIGINT,
    currency                CHAR(3),
    payment_idempotency_key VARCHAR(100),
    failure_reason          VARCHAR(500),
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                 BIGINT                      NOT NULL,
    CONSTRAINT pk_sale_order PRIMARY KEY (id),
    CONSTRAINT fk_sale_order_performance FOREIGN KEY (performance_id) REFERENCES performance (id),
    CONSTRAINT uq_sale_order_payment_key UNIQUE (payment_idempotency_key),
    CONSTRAINT ck_sale_order_channel CHECK (channel IN ('BOX_OFFICE', 'KIOSK', 'ONLINE')),
    CONSTRAINT ck_sale_order_terminal CHECK (channel = 'ONLINE' OR terminal_id IS NOT NULL),
    CONSTRAINT ck_sale_order_status CHECK (status IN (
        'HELD', 'PRICED', 'PAYMENT_PENDING', 'PAID', 'CONFIRMED', 'FAILED', 'CANCELLED', 'REFUNDED')),
    CONSTRAINT ck_sale_order_total CHECK (
        (total_minor IS NULL AND currency IS NULL)
        OR (total_minor IS NOT NULL AND currency IS NOT NULL AND total_minor >= 0)),
    -- Money can only have moved once the order was priced.
    CONSTRAINT ck_sale_order_priced CHECK (status IN ('HELD', 'FAILED', 'CANCELLED') OR total_minor IS NOT NULL),
    CONSTRAINT ck_sale_order_failure CHECK (status <> 'FAILED' OR failure_reason IS NOT NULL)
);

CREATE INDEX ix_sale_order_performance ON sale_order (performance_id);
-- Finds orders stuck in one status (a payment that never answered) oldest first.
CREATE INDEX ix_sale_order_status ON sale_order (status, updated_at);

-- The price of each seat is copied at pricing time, so a later change of the performance's price
-- tiers never changes what an existing order costs.
CREATE TABLE order_seat (
    order_id    VARCHAR(36) NOT NULL,
    seat_id     VARCHAR(64) NOT NULL,
    category    VARCHAR(16) NOT NULL,
    price_minor BIGINT      NOT NULL,
    CONSTRAINT pk_order_seat PRIMARY KEY (order_id, seat_id),
    CONSTRAINT fk_order_seat_order FOREIGN KEY (order_id) REFERENCES sale_order (id),
    CONSTRAINT ck_order_seat_price CHECK (price_minor >= 0)
);

CREATE TABLE payment (
    id                 VARCHAR(36)                 NOT NULL,
    order_id           VARCHAR(36)                 NOT NULL,
    method             VARCHAR(8)                  NOT NULL,
    amount_minor       BIGINT                      NOT NULL,
    currency           CHAR(3)                     NOT NULL,
    status             VARCHAR(16)                 NOT NULL,
    -- Sent to the card provider with every attempt, so a retry after a timeout can never charge twice.
    idempotency_key    VARCHAR(100)                NOT NULL,
    provider_reference VARCHAR(200),
    tendered_minor     BIGINT,
    change_minor       BIGINT,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES sale_order (id),
    CONSTRAINT uq_payment_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT ck_payment_method CHECK (method IN ('CASH', 'CARD')),
    CONSTRAINT ck_payment_status CHECK (status IN (
        'AUTHORISED', 'CAPTURED', 'DECLINED', 'UNKNOWN', 'VOIDED', 'REFUNDED')),
    CONSTRAINT ck_payment_amount CHECK (amount_minor >= 0),
    -- The till count at the end of a shift relies on tendered minus change being the amount.
    CONSTRAINT ck_payment_cash CHECK (
        (method = 'CARD' AND tendered_minor IS NULL AND change_minor IS NULL)
        OR (method = 'CASH' AND tendered_minor IS NOT NULL AND change_minor IS NOT NULL
            AND tendered_minor >= amount_minor AND change_minor = tendered_minor - amount_minor))
);

CREATE INDEX ix_payment_order ON payment (order_id);
CREATE INDEX ix_payment_status ON payment (status);

-- The last safety net against selling a seat twice: whatever the live seat map in Redis or an
-- offline terminal believed, the database accepts at most one LIVE ticket per seat and performance.
-- live_seat_key is seat_id while the ticket is LIVE and NULL once refunded; a unique constraint
-- admits any number of NULLs on both databases, so refunded tickets never block a resale. (A partial
-- unique index would say this more directly, but H2 has none.)
CREATE TABLE ticket (
    id             VARCHAR(36)                 NOT NULL,
    order_id       VARCHAR(36)                 NOT NULL,
    performance_id VARCHAR(64)                 NOT NULL,
    seat_id        VARCHAR(64)                 NOT NULL,
    price_minor    BIGINT                      NOT NULL,
    status         VARCHAR(16)                 NOT NULL,
    issued_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    live_seat_key  VARCHAR(64),
    CONSTRAINT pk_ticket PRIMARY KEY (id),
    CONSTRAINT fk_ticket_order FOREIGN KEY (order_id) REFERENCES sale_order (id),
    CONSTRAINT fk_ticket_performance FOREIGN KEY (performance_id) REFERENCES performance (id),
    CONSTRAINT uq_ticket_live_seat UNIQUE (performance_id, live_seat_key),
    CONSTRAINT ck_ticket_price CHECK (price_minor >= 0),
    -- "IS NOT NULL" is spelled out: a LIVE row with a NULL key would make "live_seat_key = seat_id"
    -- unknown, which a CHECK lets through, and that ticket would escape the unique constraint.
    CONSTRAINT ck_ticket_live_seat_key CHECK (
        (status = 'LIVE' AND live_seat_key IS NOT NULL AND live_seat_key = seat_id)
        OR (status = 'REFUNDED' AND live_seat_key IS NULL))
);

CREATE INDEX ix_ticket_order ON ticket (order_id);
CREATE INDEX ix_ticket_performance_seat ON ticket (performance_id, seat_id);
