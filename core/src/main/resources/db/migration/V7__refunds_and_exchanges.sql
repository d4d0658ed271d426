-- Refunds and exchanges of confirmed orders.

-- An exchange pays the new order partly or wholly with the value of the seats given back (CREDIT):
-- no money moves, so like a card it has no tendered amount and no change.
ALTER TABLE payment DROP CONSTRAINT ck_payment_method;
ALTER TABLE payment ADD CONSTRAINT ck_payment_method CHECK (method IN ('CASH', 'CARD', 'CREDIT'));
ALTER TABLE payment DROP CONSTRAINT ck_payment_cash;
ALTER TABLE payment ADD CONSTRAINT ck_payment_cash CHECK (
    (method IN ('CARD', 'CREDIT') AND tendered_minor IS NULL AND change_minor IS NULL)
    OR (method = 'CASH' AND tendered_minor IS NOT NULL AND change_minor IS NOT NULL
        AND tendered_minor >= amount_minor AND change_minor = tendered_minor - amount_minor));

-- One refund (or the giving back of seats in an exchange), journalled before any money or seat moves.
-- The id is the caller's, so the same request sent twice finds the refund it made the first time.
-- terminal_id is where the money was handed back (the cash drawer that paid out), not where the
-- order was sold.
CREATE TABLE refund (
    id                   VARCHAR(100)                NOT NULL,
    order_id             VARCHAR(36)                 NOT NULL,
    kind                 VARCHAR(16)                 NOT NULL,
    new_order_id         VARCHAR(36),
    status               VARCHAR(20)                 NOT NULL,
    reason               VARCHAR(500)                NOT NULL,
    actor                VARCHAR(100)                NOT NULL,
    terminal_id          VARCHAR(64),
    amount_minor         BIGINT                      NOT NULL,
    currency             CHAR(3)                     NOT NULL,
    order_fully_refunded BOOLEAN                     NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version              BIGINT                      NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES sale_order (id),
    CONSTRAINT fk_refund_new_order FOREIGN KEY (new_order_id) REFERENCES sale_order (id),
    CONSTRAINT ck_refund_kind CHECK (
        (kind = 'REFUND' AND new_order_id IS NULL) OR (kind = 'EXCHANGE' AND new_order_id IS NOT NULL)),
    CONSTRAINT ck_refund_status CHECK (status IN ('AWAITING_NEW_SALE', 'TICKETS_VOIDED', 'COMPLETED', 'UNWOUND')),
    CONSTRAINT ck_refund_amount CHECK (amount_minor >= 0)
);

CREATE INDEX ix_refund_order ON refund (order_id);
CREATE INDEX ix_refund_status ON refund (status, updated_at);
CREATE INDEX ix_refund_terminal ON refund (terminal_id, updated_at);

-- The seats a refund gives back. A seat of an order is given back at most once: a second refund or
-- exchange of it fails here even if a bug upstream let it through. An exchange that is unwound
-- deletes its rows, so its seats may be refunded or exchanged again.
CREATE TABLE refund_seat (
    refund_id   VARCHAR(100) NOT NULL,
    order_id    VARCHAR(36)  NOT NULL,
    seat_id     VARCHAR(64)  NOT NULL,
    price_minor BIGINT       NOT NULL,
    CONSTRAINT pk_refund_seat PRIMARY KEY (refund_id, seat_id),
    CONSTRAINT fk_refund_seat_refund FOREIGN KEY (refund_id) REFERENCES refund (id),
    CONSTRAINT uq_refund_seat_once UNIQUE (order_id, seat_id),
    CONSTRAINT ck_refund_seat_price CHECK (price_minor >= 0)
);

-- The money a refund hands back, one line per payment of the order it comes out of. A card line is
-- refunded at the provider under provider_key; a cash line is paid out of terminal_id's drawer.
CREATE TABLE refund_money (
    refund_id    VARCHAR(100)                NOT NULL,
    line_no      INTEGER                     NOT NULL,
    payment_id   VARCHAR(36)                 NOT NULL,
    method       VARCHAR(8)                  NOT NULL,
    amount_minor BIGINT                      NOT NULL,
    provider_key VARCHAR(100)                NOT NULL,
    returned_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_refund_money PRIMARY KEY (refund_id, line_no),
    CONSTRAINT fk_refund_money_refund FOREIGN KEY (refund_id) REFERENCES refund (id),
    CONSTRAINT fk_refund_money_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT uq_refund_money_provider_key UNIQUE (provider_key),
    CONSTRAINT ck_refund_money_method CHECK (method IN ('CASH', 'CARD')),
    CONSTRAINT ck_refund_money_amount CHECK (amount_minor > 0)
);

CREATE INDEX ix_refund_money_payment ON refund_money (payment_id);
