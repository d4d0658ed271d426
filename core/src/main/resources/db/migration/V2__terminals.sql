CREATE TABLE terminal (
    id              VARCHAR(64)                 NOT NULL,
    name            VARCHAR(200)                NOT NULL,
    kind            VARCHAR(16)                 NOT NULL,
    -- Only a hash: a stolen database must not let anyone impersonate a till.
    credential_hash VARCHAR(255)                NOT NULL,
    active          BOOLEAN                     NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_terminal PRIMARY KEY (id),
    CONSTRAINT ck_terminal_kind CHECK (kind IN ('BOX_OFFICE', 'KIOSK', 'MANAGER'))
);
