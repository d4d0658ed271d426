package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

import com.boxoffice.core.shared.AuditEventEntity;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;

/** A terminal's outbox to the sync server, and the audit trail. */
abstract class OutboxAndAuditContract extends PersistenceContract {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    AuditEventRepository auditEvents;

    @Test
    void aTerminalCannotUseASequenceNumberTwice() {
        String terminalId = newId("BO");
        outbox.saveAndFlush(OutboxEntryEntity.append(terminalId, 1, "SALE", "{\"order\":1}", NOW));

        assertThatThrownBy(() -> outbox.saveAndFlush(
                OutboxEntryEntity.append(terminalId, 1, "SALE", "{\"order\":2}", NOW)))
                .satisfies(thrown -> assertUniqueViolation(thrown, "uq_outbox_terminal_sequence"));
        assertThat(outbox.findByTerminalIdAndDeliveredAtIsNullOrderBySequenceNo(terminalId, Limit.unlimited()))
                .extracting(OutboxEntryEntity::getPayload).containsExactly("{\"order\":1}");
    }

    @Test
    void twoTerminalsNumberTheirEntriesIndependently() {
        String window = newId("BO");
        String kiosk = newId("K");

        outbox.saveAndFlush(OutboxEntryEntity.append(window, 1, "SALE", "{}", NOW));
        outbox.saveAndFlush(OutboxEntryEntity.append(kiosk, 1, "SALE", "{}", NOW));

        assertThat(outbox.findLastSequenceNo(window)).isEqualTo(1);
        assertThat(outbox.findLastSequenceNo(kiosk)).isEqualTo(1);
        assertThat(outbox.findLastSequenceNo(newId("never-sent"))).isZero();
    }

    @Test
    void entriesAreSentInSequenceAndAcknowledgedOnesAreNotSentAgain() {
        String terminalId = newId("BO");
        for (long n = 1; n <= 3; n++) {
            outbox.save(OutboxEntryEntity.append(terminalId, outbox.findLastSequenceNo(terminalId) + 1, "SALE",
                    "{\"n\":" + n + "}", NOW.plusSeconds(n)));
        }

        assertThat(outbox.findByTerminalIdAndDeliveredAtIsNullOrderBySequenceNo(terminalId, Limit.of(2)))
                .extracting(OutboxEntryEntity::getSequenceNo).containsExactly(1L, 2L);
        assertThat(outbox.markDeliveredUpTo(terminalId, 2, NOW.plusSeconds(60))).isEqualTo(2);
        assertThat(outbox.markDeliveredUpTo(terminalId, 2, NOW.plusSeconds(61))).as("repeated acknowledgement").isZero();

        assertThat(outbox.findByTerminalIdAndDeliveredAtIsNullOrderBySequenceNo(terminalId, Limit.unlimited()))
                .extracting(OutboxEntryEntity::getSequenceNo).containsExactly(3L);
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE terminal_id = ? AND delivered_at IS NOT NULL", Long.class, terminalId))
                .isEqualTo(2);
    }

    @Test
    void deliveringAnEntryKeepsTheFirstDeliveryTime() {
        OutboxEntryEntity entry = outbox.save(OutboxEntryEntity.append(newId("BO"), 1, "SALE", "{}", NOW));

        OutboxEntryEntity loaded = outbox.findById(entry.getId()).orElseThrow();
        loaded.markDelivered(NOW.plusSeconds(5));
        loaded.markDelivered(NOW.plusSeconds(50));
        outbox.save(loaded);

        assertThat(outbox.findById(entry.getId()).orElseThrow().getDeliveredAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void auditTrailOfASubjectReadsBackInOrder() {
        String subject = newId("order");
        auditEvents.save(AuditEventEntity.record(NOW.plusSeconds(2), "BO-1", "PAID", subject, "{\"method\":\"CASH\"}"));
        auditEvents.save(AuditEventEntity.record(NOW, "BO-1", "OPENED", subject, null));
        auditEvents.save(AuditEventEntity.record(NOW.plusSeconds(1), "system", "OPENED", newId("order"), null));

        assertThat(auditEvents.findBySubjectOrderByAtAscIdAsc(subject))
                .extracting(AuditEventEntity::getKind, AuditEventEntity::getDetail)
                .containsExactly(tuple("OPENED", null),
                        tuple("PAID", "{\"method\":\"CASH\"}"));
        assertThat(auditEvents.findByAtGreaterThanEqualAndAtLessThanOrderByAtAscIdAsc(NOW, NOW.plusSeconds(2)))
                .as("from inclusive, until exclusive")
                .filteredOn(event -> event.getSubject().equals(subject))
                .extracting(AuditEventEntity::getKind).containsExactly("OPENED");
    }
}
