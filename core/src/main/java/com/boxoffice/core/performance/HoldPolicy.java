package com.boxoffice.core.performance;

import java.time.Duration;

/**
 * How long a hold lasts per sales channel, and how far it may be stretched.
 *
 * @param boxOffice     hold time at the window
 * @param kiosk         hold time at a kiosk
 * @param online        hold time online (longest: the buyer types card details)
 * @param jitter        up to this much is added at random to every hold, so that holds placed in the
 *                      same second of a flash sale do not all expire in the same second
 * @param maxExtensions how many times a holder may extend one hold
 */
public record HoldPolicy(Duration boxOffice, Duration kiosk, Duration online, Duration jitter, int maxExtensions) {

    public static final HoldPolicy DEFAULT = new HoldPolicy(
            Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofSeconds(20), 2);

    public Duration ttl(Channel channel) {
        return switch (channel) {
            case BOX_OFFICE -> boxOffice;
            case KIOSK -> kiosk;
            case ONLINE -> online;
        };
    }
}
