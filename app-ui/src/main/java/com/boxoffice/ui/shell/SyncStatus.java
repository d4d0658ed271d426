package com.boxoffice.ui.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;

import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.OutboxUploader;
import com.boxoffice.core.sync.SyncOutcome;
import com.boxoffice.core.sync.SyncRefusedException;
import com.boxoffice.core.sync.SyncUnavailableException;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.ui.common.BackgroundLoop;
import com.boxoffice.ui.common.Fx;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Delivers the terminal's sales to the sync server whenever some wait (every few seconds, in the
 * background), and says in the header how that stands. Sales the server could not keep as sold
 * (re-seated, refund due, rejected) are named until the clerk has looked at them.
 */
public class SyncStatus implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncStatus.class);
    /** Most orders named in the note about outcomes; the rest are counted. */
    private static final int NAMED = 3;

    private final OutboxRepository outbox;
    private final OutboxUploader uploader;
    private final String terminalId;
    private final BiFunction<String, String, String> seatNames;
    private final BackgroundLoop loop;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomes = new ReadOnlyStringWrapper("");
    private String lastProblem = "";

    /**
     * @param uploader  the sync server's uploader; null when none is configured (sales stay in the journal)
     * @param seatNames a seat's name as a clerk reads it (performance id, seat id), for re-seated buyers
     */
    public SyncStatus(OutboxRepository outbox, OutboxUploader uploader, String terminalId, Duration every,
                      BiFunction<String, String, String> seatNames) {
        this.outbox = outbox;
        this.seatNames = seatNames;
        this.uploader = uploader;
        this.terminalId = terminalId;
        this.loop = new BackgroundLoop("sales-upload", every, this::step);
    }

    /** How the delivery of sales stands, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Sales the sync server re-seated, marked for a refund or rejected, until {@link #acknowledgeOutcomes()}; else empty. */
    public ReadOnlyStringProperty outcomesProperty() {
        return outcomes.getReadOnlyProperty();
    }

    /** The clerk has seen the note about outcomes (opened Find order). FX thread. */
    public void acknowledgeOutcomes() {
        outcomes.set("");
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void step() {
        long waiting = outbox.countByTerminalIdAndDeliveredAtIsNull(terminalId);
        if (uploader == null) {
            say("No sync server configured: " + records(waiting) + " kept in this terminal's journal");
            return;
        }
        if (waiting == 0) {
            say("All sales delivered");
            return;
        }
        say("Sending " + records(waiting) + "\u2026 0%");
        AtomicReference<OutboxUploader.UploadReport> last = new AtomicReference<>();
        try {
            uploader.uploadAll(report -> {
                last.set(report);
                say("Sending " + records(report.total()) + "\u2026 " + Math.round(report.done() * 100) + "%");
            });
            lastProblem = "";
            long left = uploader.waiting();
            say(left == 0 ? "All sales delivered" : "Sync: " + records(left) + " waiting");
        } catch (SyncUnavailableException e) {
            logOnce(e);
            say("Sync server unreachable: " + records(uploader.waiting()) + " waiting, safe in this terminal's journal");
        } catch (SyncRefusedException e) {
            logOnce(e);
            String why = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            say(why + " " + records(uploader.waiting()) + " waiting, safe in this terminal's journal; "
                    + "call the manager.");
        } finally {
            if (last.get() != null) {
                noteOutcomes(last.get());
            }
        }
    }

    private void logOnce(RuntimeException e) {
        if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
            lastProblem = String.valueOf(e.getMessage());
            log.warn("Sales not delivered: {}", lastProblem);
        }
    }

    /** Names the orders of an upload the server did not keep as sold. */
    private void noteOutcomes(OutboxUploader.UploadReport report) {
        long notKept = report.reseated() + report.refundDue() + report.rejected();
        if (notKept == 0) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (OutboxEntryEntity entry : outbox.findByTerminalIdAndOutcomeNotInOrderBySequenceNoDesc(terminalId,
                List.of("ACCEPTED", "APPLIED"), Limit.of((int) Math.min(notKept, NAMED)))) {
            SyncOutcome outcome = TerminalOutboxJson.readOutcome(entry.getOutcomeDetail());
            TerminalOutboxJson.About about = TerminalOutboxJson.aboutOf(entry.getPayload());
            String order = (TerminalOutbox.REFUND.equals(entry.getKind()) ? "refund of order " : "order ")
                    + OrderLookup.shortReference(about.orderId());
            named.add(switch (outcome.outcome()) {
                case "RESEATED" -> order + " re-seated to " + String.join("; ", outcome.seats().stream()
                        .map(seat -> seatNames.apply(about.performanceId(), seat))
                        .toList());
                case "REFUND_DUE" -> order + " refund due";
                default -> order + " rejected" + (outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
            });
        }
        String counts = count(report.reseated(), "buyer re-seated", "buyers re-seated")
                + count(report.refundDue(), "refund due", "refunds due")
                + count(report.rejected(), "sale rejected", "sales rejected");
        String note = "Sync server: " + counts.substring(2) + ": " + String.join("; ", named)
                + (notKept > named.size() ? " and " + (notKept - named.size()) + " more" : "")
                + ". The manager resolves them; open Find order (Ctrl+F) to dismiss this.";
        Fx.onFxThread(() -> outcomes.set(outcomes.get().isEmpty() ? note : outcomes.get() + " " + note));
    }

    private static String count(long count, String one, String many) {
        return count == 0 ? "" : ", " + count + " " + (count == 1 ? one : many);
    }

    /** What waits, by name: sales, refunds, or both. */
    private String records(long count) {
        long refunds = count == 0 ? 0 : outbox.countByTerminalIdAndKindAndDeliveredAtIsNull(terminalId, TerminalOutbox.REFUND);
        if (refunds == 0) {
            return sales(count);
        }
        if (refunds == count) {
            return count == 1 ? "1 refund" : String.format("%,d refunds", count);
        }
        return String.format("%,d sales and refunds", count);
    }

    private static String sales(long count) {
        return count == 1 ? "1 sale" : String.format("%,d sales", count);
    }

    private void say(String text) {
        Fx.onFxThread(() -> status.set(text));
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        loop.close();
    }
}
