package com.boxoffice.core.hold;

import java.util.Objects;

import com.boxoffice.core.performance.Channel;

/**
 * A request to hold seats.
 *
 * @param performanceId the performance
 * @param requestId     caller's id for this request, so that sending it twice holds once; null to
 *                      have one made up (then a retry is a new hold). It names the hold, so it must
 *                      be unique across all callers of the performance: scope a client-chosen key by
 *                      the client's identity (e.g. "buyer-42:" + Idempotency-Key), or two buyers
 *                      sending the same key would be answered with one hold
 * @param owner         who holds, for people to read: a clerk, a kiosk, an online customer
 * @param buyer         identity the per-buyer seat limit counts against; null for none
 * @param channel       where the sale is made (decides hold time and whether the limit applies)
 * @param terminalId    the terminal asking; lets it hold seats allocated to it; null online
 * @param selection     which seats
 */
public record HoldRequest(String performanceId, String requestId, String owner, String buyer, Channel channel,
                          String terminalId, SeatSelection selection) {

    public HoldRequest {
        Objects.requireNonNull(performanceId, "performanceId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(selection, "selection");
    }
}
