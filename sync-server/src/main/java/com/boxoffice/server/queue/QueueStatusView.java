package com.boxoffice.server.queue;

import java.time.Duration;
import java.time.Instant;

import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.QueueState;
import com.boxoffice.server.online.AdmissionTokens;

/**
 * A waiting-room entry as the public API answers it (docs/online-api.md).
 *
 * @param admissionToken the bearer token for holds and purchase, only while admitted
 */
public record QueueStatusView(String queueId, String performanceId, QueueState state, Long position,
                              Long estimatedWaitSeconds, boolean admitted, String admissionToken, Instant admittedUntil,
                              Instant opensAt) {

    /** The view of an entry; an admitted one carries a token admitting its buyer until the admission ends. */
    static QueueStatusView of(QueueEntry entry, AdmissionTokens tokens, double configuredRate) {
        boolean admitted = entry.state() == QueueState.ADMITTED;
        Duration wait = entry.estimatedWait(configuredRate);
        return new QueueStatusView(entry.queueId(), entry.performanceId(), entry.state(), entry.position(),
                wait == null ? null : wait.toSeconds(), admitted,
                admitted ? tokens.issue(entry.performanceId(), entry.buyer(), entry.queueId(), entry.admittedUntil()) : null,
                entry.admittedUntil(), entry.opensAt());
    }
}
