package com.boxoffice.ui.manager;

import com.boxoffice.core.sync.SyncConflict;

/**
 * One sync conflict as the list shows it: the server's record and the words a manager reads.
 *
 * @param performance the performance's title and venue when this client knows it, else its id
 * @param order       the buyer's order, by the short reference printed on tickets
 * @param wanted      the seats the buyer bought at the terminal
 * @param takenBy     who had those seats when the sale reached the server
 * @param serverDid   re-seated, or refund due
 * @param seatsNow    the seats the buyer holds now
 * @param age         how long ago the conflict arose
 * @param decision    the manager's decision; empty while open
 * @param resolvedBy  who decided, and at which terminal; empty while open
 * @param resolvedAt  when it was decided; empty while open
 */
public record ConflictRow(SyncConflict conflict, String performance, String order, String wanted, String takenBy,
                          String serverDid, String seatsNow, String age, String decision, String resolvedBy,
                          String resolvedAt) {

    public String id() {
        return conflict.id();
    }

    public boolean open() {
        return "OPEN".equals(conflict.status());
    }

    /** The buyer has other seats of the same category (rather than none). */
    public boolean reseated() {
        return "RESEATED".equals(conflict.resolution());
    }

    public String note() {
        return conflict.note() == null ? "" : conflict.note();
    }
}
