package com.boxoffice.core.sync;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** A terminal's queue of entries for the sync server. */
public interface OutboxRepository extends JpaRepository<OutboxEntryEntity, Long> {

    /** The terminal's highest sequence number so far, 0 before its first entry. */
    @Query("select coalesce(max(o.sequenceNo), 0) from OutboxEntryEntity o where o.terminalId = :terminalId")
    long findLastSequenceNo(@Param("terminalId") String terminalId);

    /** How many entries still wait for the server. */
    long countByTerminalIdAndDeliveredAtIsNull(String terminalId);

    /** Entries of one kind still waiting for the server. */
    long countByTerminalIdAndKindAndDeliveredAtIsNull(String terminalId, String kind);

    /** Sales made offline whose seats the live state does not show yet. */
    long countByTerminalIdAndKindAndClaimedAtIsNull(String terminalId, String kind);

    /** Sales made offline whose seats are still to be claimed in the live state, oldest first. */
    List<OutboxEntryEntity> findByTerminalIdAndKindAndClaimedAtIsNullOrderBySequenceNo(String terminalId, String kind);

    List<OutboxEntryEntity> findByMessageIdIn(java.util.Collection<String> messageIds);

    /** Delivered entries with an outcome none of {@code outcomes}, newest first: what a clerk must look at. */
    List<OutboxEntryEntity> findByTerminalIdAndOutcomeNotInOrderBySequenceNoDesc(String terminalId,
                                                                                java.util.Collection<String> outcomes,
                                                                                Limit limit);

    /** The next entries to send, in the order they were recorded. */
    List<OutboxEntryEntity> findByTerminalIdAndDeliveredAtIsNullOrderBySequenceNo(String terminalId, Limit limit);

    /**
     * Marks everything up to and including {@code sequenceNo} delivered, as the server acknowledges.
     *
     * @return how many entries were newly marked
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update OutboxEntryEntity o set o.deliveredAt = :at"
            + " where o.terminalId = :terminalId and o.sequenceNo <= :sequenceNo and o.deliveredAt is null")
    int markDeliveredUpTo(@Param("terminalId") String terminalId, @Param("sequenceNo") long sequenceNo,
                          @Param("at") Instant at);
}
