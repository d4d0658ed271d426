package com.boxoffice.core.performance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One performance of a show at a venue, with everything that governs how its seats are sold.
 *
 * @param id            stable id, used in URLs and Redis keys (letters, digits, '-', '_')
 * @param venueId       the venue whose seating plan it uses
 * @param title         name shown to people
 * @param startsAt      when the curtain goes up
 * @param saleOpens     first moment seats may be sold
 * @param saleCloses    last moment seats may be sold
 * @param tiers         one price per venue price category
 * @param holds         how long holds last per channel
 * @param perBuyerLimit most seats one buyer may hold and buy together (online and kiosk)
 * @param offlinePolicy what a terminal without a connection may sell
 */
public record Performance(String id, String venueId, String title, Instant startsAt, Instant saleOpens,
                          Instant saleCloses, List<PriceTier> tiers, HoldPolicy holds, int perBuyerLimit,
                          OfflinePolicy offlinePolicy) {

    public Performance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(holds, "holds");
        Objects.requireNonNull(offlinePolicy, "offlinePolicy");
        tiers = List.copyOf(tiers);
        if (perBuyerLimit < 1) {
            throw new IllegalArgumentException("perBuyerLimit must be at least 1, was " + perBuyerLimit);
        }
    }

    /** Price tiers by the venue category code they price. */
    public Map<String, PriceTier> tiersByCategory() {
        return tiers.stream().collect(Collectors.toUnmodifiableMap(PriceTier::category, Function.identity()));
    }

    /** Whether seats may be sold at the given instant. */
    public boolean onSaleAt(Instant now) {
        return !now.isBefore(saleOpens) && now.isBefore(saleCloses);
    }
}
