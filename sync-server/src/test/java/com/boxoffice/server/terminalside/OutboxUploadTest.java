package com.boxoffice.server.terminalside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.OutboxUploader;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncRefund;
import com.boxoffice.core.sync.SyncRefusedException;
import com.boxoffice.core.sync.SyncSale;
import com.boxoffice.core.sync.SyncUnavailableException;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.json.JsonMapper;

/**
 * The terminal's own outbox uploader (the core's {@link OutboxUploader} and {@link SyncClient})
 * against the real sync server over HTTP: the wire format both sides use, the answers kept beside
 * each entry, resending after a lost answer, and a refused credential. The outbox rows live in the
 * server's database here only because this test has no terminal journal of its own; the uploader
 * reads and marks them exactly as it does in a terminal's H2.
 */
class OutboxUploadTest extends SyncTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;

    /** Queues a sale of the seats as the terminal's outbox would; its order id. */
    private String queue(String terminalId, long sequence, String performanceId, String mode, String... seats) {
        List<SyncSale.Seat> lines = new ArrayList<>();
        long total = 0;
        for (String seat : seats) {
            String category = SyncFixture.categoryOf(seat);
            long price = SyncFixture.priceOf(category);
            lines.add(new SyncSale.Seat(seat, category, price));
            total += price;
        }
        String saleId = UUID.randomUUID().toString();
        SyncSale sale = new SyncSale(saleId, sequence, performanceId, UUID.randomUUID().toString(), "BOX_OFFICE", mode,
                java.time.Instant.now(), null, "EUR", lines,
                List.of(new SyncSale.Payment("CASH", total, total, 0L, "pay-" + saleId, null)));
        outbox.save(OutboxEntryEntity.append(terminalId, sequence, TerminalOutbox.SALE, JSON.writeValueAsString(sale),
                saleId, java.time.Instant.now()));
        return sale.orderId();
    }

    /** Queues seats of a queued sale given back for money, as the terminal's outbox would. */
    private void queueRefund(String terminalId, long sequence, String performanceId, String orderId, String... seats) {
        long amount = 0;
        for (String seat : seats) {
            amount += SyncFixture.priceOf(SyncFixture.categoryOf(seat));
        }
        SyncRefund refund = new SyncRefund(UUID.randomUUID().toString(), sequence, "REFUND", performanceId, orderId,
                List.of(seats), amount, "EUR", java.time.Instant.now(), "buyer cannot come");
        outbox.save(OutboxEntryEntity.append(terminalId, sequence, TerminalOutbox.REFUND, JSON.writeValueAsString(refund),
                refund.refundId(), java.time.Instant.now()));
    }

    private OutboxUploader uploader(String terminalId, String credential, int batchSize) {
        return new OutboxUploader(outbox, new SyncClient(URI.create("http://127.0.0.1:" + port), credential,
                Duration.ofSeconds(10)), terminalId, tx, Clock.systemUTC(), batchSize);
    }

    private List<OutboxEntryEntity> entries(String terminalId) {
        return outbox.findAll().stream().filter(e -> e.getTerminalId().equals(terminalId))
                .sorted(java.util.Comparator.comparingLong(OutboxEntryEntity::getSequenceNo)).toList();
    }

    @Test
    void theTerminalsOutboxIsDeliveredInBatchesAndEachSalesAnswerIsKept() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String window = fx.newTerminalId();
        String credential = fx.register(manager, window, TerminalKind.BOX_OFFICE);
        fx.allocate(perf, window, "STALLS-A-1", "STALLS-A-2");
        // sold online first by someone else: the window's offline sale of it must be re-seated
        String other = fx.newTerminalId();
        fx.upload(fx.register(manager, other, TerminalKind.BOX_OFFICE), other,
                List.of(SyncFixture.sale(1, perf, "AT_RISK", "STALLS-C-1")));

        queue(window, 1, perf, "ALLOCATED", "STALLS-A-1", "STALLS-A-2");
        queue(window, 2, perf, "AT_RISK", "STALLS-C-1");
        queue(window, 3, perf, "AT_RISK", "STALLS-D-1");
        List<OutboxUploader.UploadReport> progress = new ArrayList<>();
        OutboxUploader uploader = uploader(window, credential, 2);
        assertThat(uploader.waiting()).isEqualTo(3);

        OutboxUploader.UploadReport report = uploader.uploadAll(progress::add);

        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reseated()).isEqualTo(1);
        assertThat(progress).extracting(OutboxUploader.UploadReport::sent).containsExactly(2L, 3L);
        assertThat(uploader.waiting()).isZero();
        List<OutboxEntryEntity> delivered = entries(window);
        assertThat(delivered).extracting(OutboxEntryEntity::getOutcome).containsExactly("ACCEPTED", "RESEATED", "ACCEPTED");
        var reseated = TerminalOutboxJson.readOutcome(delivered.get(1).getOutcomeDetail());
        assertThat(reseated.seats()).hasSize(1).doesNotContain("STALLS-C-1");
        assertThat(reseated.conflictId()).isNotBlank();
        // central PostgreSQL has every sale: three orders of the window, four live tickets
        assertThat(jdbc.queryForObject("select count(*) from sale_order where terminal_id = ?", Integer.class, window))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from ticket t join sale_order o on o.id = t.order_id"
                + " where o.terminal_id = ? and t.status = 'LIVE'", Integer.class, window)).isEqualTo(4);
        assertThat(fx.state(perf, "STALLS-A-1")).isEqualTo('S');
        assertThat(fx.state(perf, "STALLS-D-1")).isEqualTo('S');
    }

    @Test
    void aRefundGoesAfterItsSaleAndBeforeTheNextAndFreesTheSeatCentrally() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String window = fx.newTerminalId();
        String credential = fx.register(manager, window, TerminalKind.BOX_OFFICE);
        String orderId = queue(window, 1, perf, "AT_RISK", "STALLS-D-5", "STALLS-D-6");
        queueRefund(window, 2, perf, orderId, "STALLS-D-5");
        queue(window, 3, perf, "AT_RISK", "STALLS-D-7");
        List<OutboxUploader.UploadReport> progress = new ArrayList<>();

        OutboxUploader.UploadReport report = uploader(window, credential, 10).uploadAll(progress::add);

        // sale, refund and sale each in a batch of its own, in the order they were made
        assertThat(progress).extracting(OutboxUploader.UploadReport::sent).containsExactly(1L, 2L, 3L);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejected()).isZero();
        assertThat(entries(window)).extracting(OutboxEntryEntity::getOutcome).containsExactly("ACCEPTED", "APPLIED", "ACCEPTED");
        assertThat(jdbc.queryForList("select status from ticket where order_id = ? order by seat_id", String.class, orderId))
                .containsExactly("REFUNDED", "LIVE");
        assertThat(fx.state(perf, "STALLS-D-5")).isEqualTo('.');

        // the seat can be sold again, and recorded centrally
        String other = fx.newTerminalId();
        assertThat(fx.upload(fx.register(manager, other, TerminalKind.BOX_OFFICE), other,
                List.of(SyncFixture.sale(1, perf, "AT_RISK", "STALLS-D-5"))).values())
                .allSatisfy(outcome -> assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED"));
        assertThat(jdbc.queryForObject("select count(*) from ticket where performance_id = ? and seat_id = ?"
                + " and status = 'LIVE'", Integer.class, perf, "STALLS-D-5")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select o.terminal_id from ticket t join sale_order o on o.id = t.order_id"
                + " where t.performance_id = ? and t.seat_id = ? and t.status = 'LIVE'", String.class, perf, "STALLS-D-5"))
                .isEqualTo(other);
    }

    @Test
    void salesWhoseAnswerWasLostAreSentAgainAndAnsweredFromTheServersRecord() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String window = fx.newTerminalId();
        String credential = fx.register(manager, window, TerminalKind.BOX_OFFICE);
        queue(window, 1, perf, "AT_RISK", "STALLS-D-3");
        uploader(window, credential, 10).uploadAll(r -> {
        });
        // the terminal crashed before storing the answer: its entry is undelivered again
        tx.executeWithoutResult(s -> jdbc.update("update outbox set delivered_at = null, outcome = null,"
                + " outcome_detail = null where terminal_id = ?", window));

        OutboxUploader.UploadReport again = uploader(window, credential, 10).uploadAll(r -> {
        });

        assertThat(again.accepted()).isEqualTo(1);
        assertThat(TerminalOutboxJson.readOutcome(entries(window).getFirst().getOutcomeDetail()).replayed()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sale_order where terminal_id = ?", Integer.class, window))
                .isEqualTo(1);
    }

    @Test
    void aRefusedCredentialOrAnUnreachableServerLeavesTheOutboxAsItWas() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String window = fx.newTerminalId();
        fx.register(manager, window, TerminalKind.BOX_OFFICE);
        queue(window, 1, perf, "AT_RISK", "STALLS-D-4");

        assertThatThrownBy(() -> uploader(window, window + ".forged-secret", 10).uploadAll(r -> {
        })).isInstanceOfSatisfying(SyncRefusedException.class, e -> {
            assertThat(e.credentialRefused()).isTrue();
            assertThat(e.getMessage()).contains("register the terminal again");
        });
        OutboxUploader unreachable = new OutboxUploader(outbox, new SyncClient(URI.create("http://127.0.0.1:1"),
                window + ".x", Duration.ofSeconds(2)), window, tx, Clock.systemUTC(), 10);
        assertThatThrownBy(() -> unreachable.uploadAll(r -> {
        })).isInstanceOf(SyncUnavailableException.class);

        assertThat(entries(window)).singleElement().satisfies(e -> {
            assertThat(e.isDelivered()).isFalse();
            assertThat(e.getOutcome()).isNull();
        });
        assertThat(jdbc.queryForObject("select count(*) from sale_order where terminal_id = ?", Integer.class, window))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from sync_sale where terminal_id = ?", Integer.class, window))
                .isZero();
    }
}
