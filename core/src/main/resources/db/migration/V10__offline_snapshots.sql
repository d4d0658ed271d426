-- The seat state a terminal last saw for each performance it sells, taken while it was online:
-- what it may sell when the connection drops. Terminal-side only (the server never reads it).
CREATE TABLE offline_snapshot (
    performance_id VARCHAR(64)                 NOT NULL,
    terminal_id    VARCHAR(64)                 NOT NULL,
    -- one state code per seat in the venue's seat order, as the live seat state gives it
    states         TEXT                        NOT NULL,
    -- the seats allocated to this terminal, comma separated
    allocated      TEXT                        NOT NULL,
    offline_policy VARCHAR(20)                 NOT NULL,
    taken_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- when the terminal's local seat state was loaded from this snapshot (going offline); NULL until
    -- then. Once loaded, the local state is ahead of the snapshot (it has the offline sales), so it is
    -- kept, not loaded again, until a newer snapshot replaces this row.
    loaded_at      TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_offline_snapshot PRIMARY KEY (performance_id, terminal_id),
    CONSTRAINT ck_offline_snapshot_policy CHECK (offline_policy IN ('ALLOCATED_ONLY', 'AT_RISK_ALLOWED'))
);
