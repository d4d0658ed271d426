-- A hold id is its performance id (up to 64 characters) followed by '.' and a UUID.
ALTER TABLE sale_order ALTER COLUMN hold_id SET DATA TYPE VARCHAR(128);
