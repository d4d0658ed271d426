-- When the seats of a sale made offline were claimed in the live seat state after the connection came
-- back (sold there under the sale's order, or found taken by someone else first). Until then the live
-- state does not show the sale, so the terminal takes no new snapshot to sell from: one without the
-- sale would let a later outage sell its seats again. NULL for sales made online.
ALTER TABLE outbox ADD COLUMN claimed_at TIMESTAMP(6) WITH TIME ZONE;
