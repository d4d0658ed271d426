package com.boxoffice.core.sync;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;

import com.boxoffice.core.performance.OfflinePolicy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code offline_snapshot}: a terminal's last view of a performance. */
@Entity
@Table(name = "offline_snapshot")
@IdClass(OfflineSnapshotEntity.Key.class)
public class OfflineSnapshotEntity {

    @Id
    @Column(name = "performance_id", length = 64)
    private String performanceId;

    @Id
    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    @Column(name = "states", nullable = false)
    private String states;

    @Column(name = "allocated", nullable = false)
    private String allocated;

    @Enumerated(EnumType.STRING)
    @Column(name = "offline_policy", nullable = false, length = 20)
    private OfflinePolicy offlinePolicy;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(name = "loaded_at")
    private Instant loadedAt;

    protected OfflineSnapshotEntity() {
    }

    public OfflineSnapshotEntity(String terminalId, OfflineSnapshot snapshot) {
        this.performanceId = snapshot.performanceId();
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.states = snapshot.states();
        this.allocated = String.join(",", snapshot.allocated().stream().sorted().toList());
        this.offlinePolicy = snapshot.policy();
        this.takenAt = snapshot.takenAt();
    }

    public OfflineSnapshot toSnapshot() {
        return new OfflineSnapshot(performanceId, states,
                allocated.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(allocated.split(","))),
                offlinePolicy, takenAt);
    }

    public String getTerminalId() {
        return terminalId;
    }

    /** When the local seat state was loaded from this snapshot; null before. */
    public Instant getLoadedAt() {
        return loadedAt;
    }

    public void markLoaded(Instant at) {
        this.loadedAt = at;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private String performanceId;
        private String terminalId;

        protected Key() {
        }

        public Key(String performanceId, String terminalId) {
            this.performanceId = performanceId;
            this.terminalId = terminalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(performanceId, k.performanceId)
                    && Objects.equals(terminalId, k.terminalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(performanceId, terminalId);
        }
    }
}
