package com.boxoffice.core.sync;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** A terminal's last view of each performance it sells. */
public interface OfflineSnapshotRepository extends JpaRepository<OfflineSnapshotEntity, OfflineSnapshotEntity.Key> {

    List<OfflineSnapshotEntity> findByTerminalId(String terminalId);
}
