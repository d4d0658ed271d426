-- Requests of the public API sent with an Idempotency-Key (holds and purchases): the same key with
-- the same request is answered the same and does its work once; with another request it is refused.
-- A refusal is kept as answered; a success is answered again from the sale itself, whose every step
-- is idempotent (so no bearer token is ever stored here).
CREATE TABLE online_request (
    -- whose keys these are: a buyer at a performance ('hold/...'), or one hold ('purchase/...')
    scope        VARCHAR(300)             NOT NULL,
    request_key  VARCHAR(100)             NOT NULL,
    request_hash CHAR(64)                 NOT NULL,
    -- HTTP status answered; NULL while the request is under way
    status       INTEGER,
    -- the refusal answered (problem type, detail and members, as JSON); NULL for a success
    problem      TEXT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, request_key)
);
