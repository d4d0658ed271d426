package com.boxoffice.server.sync;

import java.util.List;
import java.util.Map;

import com.boxoffice.core.hold.SeatState;
import com.boxoffice.server.sync.Batch.Outcome;
import com.boxoffice.server.sync.Batch.Sale;

/**
 * One uploaded sale on its way through a batch: checked, reconciled against the live seats, then
 * written. Filled in step by step by one thread.
 */
final class SaleWork {

    final Sale sale;
    final String contentHash;

    /** Whether the outcome is to be written (the sale is new); false for replays and id reuse. */
    boolean store;
    boolean replayed;
    Outcome outcome;
    List<String> seats = List.of();
    String reason;
    String conflictId;
    /** The seats found taken when the sale arrived and their states then; empty when not known. */
    Map<String, SeatState> taken = Map.of();
    /** Price category of each wanted seat, by seat id, as the venue has it. */
    Map<String, String> categories = Map.of();
    /** Price category of each seat the buyer was re-seated to, by seat id. */
    Map<String, String> newCategories = Map.of();
    /** A copy of an earlier sale of the same batch with the same id: answered as that one. */
    SaleWork sameAs;

    SaleWork(Sale sale, String contentHash) {
        this.sale = sale;
        this.contentHash = contentHash;
    }

    void settle(Outcome outcome, List<String> seats, String reason) {
        this.outcome = outcome;
        this.seats = List.copyOf(seats);
        this.reason = reason;
    }

    void reject(String reason, boolean record) {
        this.store = record;
        settle(Outcome.REJECTED, List.of(), reason);
    }

    boolean settled() {
        return outcome != null;
    }

    Batch.SaleOutcome answer() {
        if (sameAs != null) {
            Batch.SaleOutcome first = sameAs.answer();
            return new Batch.SaleOutcome(sale.saleId(), first.outcome(), first.orderId(), first.seats(), first.conflictId(),
                    first.reason(), true);
        }
        return new Batch.SaleOutcome(sale.saleId(), outcome, sale.orderId(), seats, conflictId, reason, replayed);
    }
}
