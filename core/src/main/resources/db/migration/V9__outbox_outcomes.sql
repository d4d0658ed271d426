-- Each outbox entry carries the id the sync server applies it under (a sale's id, made by the
-- terminal), and, once delivered, the server's answer: a clerk can then see what became of every sale
-- made offline (accepted, re-seated, refund due). NULL message ids are allowed for entries written
-- before this version; both H2 and PostgreSQL let a unique constraint hold many NULLs.
ALTER TABLE outbox ADD COLUMN message_id VARCHAR(36);
ALTER TABLE outbox ADD COLUMN outcome VARCHAR(16);
ALTER TABLE outbox ADD COLUMN outcome_detail TEXT;
ALTER TABLE outbox ADD CONSTRAINT uq_outbox_message UNIQUE (message_id);
