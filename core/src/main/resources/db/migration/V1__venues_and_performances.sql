-- Every migration runs unchanged on H2 2.x (the window terminal's local journal) and PostgreSQL 15+
-- (the central database), so only SQL both accept is used here: no partial indexes, no vendor types.
-- Times are TIMESTAMP WITH TIME ZONE so that terminals in different zones journal comparable instants.

CREATE TABLE venue (
    id          VARCHAR(64)                 NOT NULL,
    name        VARCHAR(200)                NOT NULL,
    kind        VARCHAR(16)                 NOT NULL,
    seat_count  INTEGER                     NOT NULL,
    -- A stadium plan is around 5 MB. TEXT is unbounded on PostgreSQL; H2 reads it as
    -- CHARACTER VARYING with a limit of 1,000,000,000 characters. CLOB would keep the value out of
    -- the H2 row, but PostgreSQL has no CLOB, and a terminal holds only a handful of venues.
    layout_json TEXT                        NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_venue PRIMARY KEY (id),
    CONSTRAINT ck_venue_kind CHECK (kind IN ('THEATRE', 'ARENA', 'STADIUM', 'OTHER')),
    CONSTRAINT ck_venue_seat_count CHECK (seat_count >= 0)
);

CREATE TABLE performance (
    id                      VARCHAR(64)                 NOT NULL,
    venue_id                VARCHAR(64)                 NOT NULL,
    title                   VARCHAR(200)                NOT NULL,
    starts_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sale_opens              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sale_closes             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    per_buyer_limit         INTEGER                     NOT NULL,
    offline_policy          VARCHAR(20)                 NOT NULL,
    hold_box_office_seconds INTEGER                     NOT NULL,
    hold_kiosk_seconds      INTEGER                     NOT NULL,
    hold_online_seconds     INTEGER                     NOT NULL,
    hold_jitter_seconds     INTEGER                     NOT NULL,
    max_extensions          INTEGER                     NOT NULL,
    CONSTRAINT pk_performance PRIMARY KEY (id),
    CONSTRAINT fk_performance_venue FOREIGN KEY (venue_id) REFERENCES venue (id),
    CONSTRAINT ck_performance_sale_window CHECK (sale_opens < sale_closes),
    CONSTRAINT ck_performance_per_buyer_limit CHECK (per_buyer_limit >= 1),
    CONSTRAINT ck_performance_offline_policy CHECK (offline_policy IN ('ALLOCATED_ONLY', 'AT_RISK_ALLOWED')),
    CONSTRAINT ck_performance_hold_seconds CHECK (
        hold_box_office_seconds > 0 AND hold_kiosk_seconds > 0 AND hold_online_seconds > 0
        AND hold_jitter_seconds >= 0 AND max_extensions >= 0)
);

-- PostgreSQL does not index foreign keys by itself.
CREATE INDEX ix_performance_venue ON performance (venue_id, starts_at);

CREATE TABLE price_tier (
    performance_id VARCHAR(64)  NOT NULL,
    category       VARCHAR(16)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    price_minor    BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    CONSTRAINT pk_price_tier PRIMARY KEY (performance_id, category),
    CONSTRAINT fk_price_tier_performance FOREIGN KEY (performance_id) REFERENCES performance (id),
    CONSTRAINT ck_price_tier_price CHECK (price_minor >= 0)
);

-- Seats taken out of general sale for a performance. Together with the LIVE tickets this is what the
-- seat map in Redis is rebuilt from, so it must survive anything Redis loses.
-- terminal_id has no foreign key: a window terminal's local database does not hold the terminal
-- register, only the allocations made to it.
CREATE TABLE seat_assignment (
    performance_id VARCHAR(64)  NOT NULL,
    seat_id        VARCHAR(64)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    reason         VARCHAR(200),
    terminal_id    VARCHAR(64),
    CONSTRAINT pk_seat_assignment PRIMARY KEY (performance_id, seat_id),
    CONSTRAINT fk_seat_assignment_performance FOREIGN KEY (performance_id) REFERENCES performance (id),
    -- An allocated seat is useless without the terminal that may sell it offline; a blocked seat
    -- belongs to no terminal.
    CONSTRAINT ck_seat_assignment_state CHECK (
        (state = 'ALLOCATED' AND terminal_id IS NOT NULL)
        OR (state = 'BLOCKED' AND terminal_id IS NULL))
);
