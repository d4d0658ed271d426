package com.boxoffice.core.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a terminal's outbox to the sync server, oldest entries first, a batch at a time, and keeps
 * the server's answer for each sale beside its entry.
 *
 * <p>Crash-safe by construction: an entry is marked delivered only in the transaction that stores the
 * server's answer for it, after the answer arrived. A terminal killed mid-upload sends the same sales
 * again on restart, and the server, which applies each sale id once, answers them from its record.
 * An entry the answer does not mention stays undelivered and goes again next time.
 */
public class OutboxUploader {

    private final OutboxRepository outbox;
    private final SyncClient client;
    private final String terminalId;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    public OutboxUploader(OutboxRepository outbox, SyncClient client, String terminalId, TransactionTemplate tx,
                          Clock clock, int batchSize) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be 1..1000, was " + batchSize);
        }
        this.outbox = outbox;
        this.client = client;
        this.terminalId = terminalId;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sales still waiting for the server. */
    public long waiting() {
        return outbox.countByTerminalIdAndDeliveredAtIsNull(terminalId);
    }

    /**
     * Sends everything waiting, batch after batch, telling {@code progress} after each one.
     *
     * @throws SyncUnavailableException when the server cannot be reached (what was delivered so far stays delivered)
     * @throws SyncRefusedException     when the server refuses a batch
     */
    public UploadReport uploadAll(Consumer<UploadReport> progress) {
        long total = waiting();
        UploadReport report = UploadReport.start(total);
        while (true) {
            List<OutboxEntryEntity> entries = sameKind(
                    outbox.findByTerminalIdAndDeliveredAtIsNullOrderBySequenceNo(terminalId, Limit.of(batchSize)));
            if (entries.isEmpty()) {
                return report;
            }
            List<SyncOutcome> answered;
            String what;
            if (isRefund(entries.getFirst())) {
                List<SyncRefund> refunds = entries.stream().map(e -> TerminalOutboxJson.readRefund(e.getPayload())).toList();
                what = refunds.size() + " refunds";
                answered = client.sendRefunds(new SyncRefundBatch(UUID.randomUUID().toString(), terminalId, refunds))
                        .outcomes().stream().map(SyncRefundAnswer.Outcome::asKept).toList();
            } else {
                List<SyncSale> sales = entries.stream().map(e -> TerminalOutboxJson.read(e.getPayload())).toList();
                what = sales.size() + " sales";
                answered = client.send(new SyncBatch(UUID.randomUUID().toString(), terminalId, sales)).outcomes();
            }
            List<SyncOutcome> stored = store(answered);
            if (stored.isEmpty()) {
                // the server answered none of them: sending the same batch again would loop forever
                throw new SyncRefusedException(200, "The sync server answered none of the " + what + " sent");
            }
            report = report.after(stored);
            progress.accept(report);
        }
    }

    /**
     * The oldest entries up to the first of another family: sales and refunds go in batches of their
     * own, to their own endpoints, and in the order they were made (a refund after its sale, a sale
     * of a refunded seat after the refund).
     */
    private static List<OutboxEntryEntity> sameKind(List<OutboxEntryEntity> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            return oldestFirst;
        }
        boolean refunds = isRefund(oldestFirst.getFirst());
        int end = 0;
        while (end < oldestFirst.size() && isRefund(oldestFirst.get(end)) == refunds) {
            end++;
        }
        return oldestFirst.subList(0, end);
    }

    private static boolean isRefund(OutboxEntryEntity entry) {
        return TerminalOutbox.REFUND.equals(entry.getKind());
    }

    /** Stores the answer for each entry the server answered, in one transaction; the outcomes stored. */
    private List<SyncOutcome> store(List<SyncOutcome> outcomes) {
        Map<String, SyncOutcome> bySale = outcomes.stream()
                .collect(Collectors.toMap(SyncOutcome::saleId, Function.identity(), (a, b) -> a));
        return tx.execute(status -> {
            List<SyncOutcome> stored = new ArrayList<>();
            for (OutboxEntryEntity entry : outbox.findByMessageIdIn(bySale.keySet())) {
                if (!terminalId.equals(entry.getTerminalId()) || entry.isDelivered()) {
                    continue;
                }
                SyncOutcome outcome = bySale.get(entry.getMessageId());
                entry.recordOutcome(outcome.outcome(), TerminalOutbox.JSON.writeValueAsString(outcome), clock.instant());
                outbox.save(entry);
                stored.add(outcome);
            }
            return stored;
        });
    }

    /**
     * How an upload went so far.
     *
     * @param total    sales waiting when the upload started
     * @param sent     sales answered so far
     * @param accepted sales the server kept as sold
     * @param reseated sales whose buyer now has other seats of the same price
     * @param refundDue sales whose buyer must be refunded (no equivalent seats were left)
     * @param rejected sales (or refunds) the server would not apply
     */
    public record UploadReport(long total, long sent, long accepted, long reseated, long refundDue, long rejected) {

        static UploadReport start(long total) {
            return new UploadReport(total, 0, 0, 0, 0, 0);
        }

        UploadReport after(List<SyncOutcome> outcomes) {
            long a = accepted, r = reseated, f = refundDue, x = rejected;
            for (SyncOutcome o : outcomes) {
                switch (o.outcome()) {
                    case "ACCEPTED" -> a++;
                    case "RESEATED" -> r++;
                    case "REFUND_DUE" -> f++;
                    case "APPLIED" -> {
                        // a refund the server applied: nothing for anyone to look at
                    }
                    default -> x++;
                }
            }
            return new UploadReport(Math.max(total, sent + outcomes.size()), sent + outcomes.size(), a, r, f, x);
        }

        /** Share of the upload done, 0..1. */
        public double done() {
            return total == 0 ? 1 : Math.min(1, (double) sent / total);
        }
    }
}
