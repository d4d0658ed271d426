package com.boxoffice.core.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A stored {@link Performance}. The record is what the rest of the core works with; this class only
 * carries it to and from the {@code performance} and {@code price_tier} tables.
 */
@Entity
@Table(name = "performance")
public class PerformanceEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "venue_id", nullable = false, length = 64)
    private String venueId;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "sale_opens", nullable = false)
    private Instant saleOpens;

    @Column(name = "sale_closes", nullable = false)
    private Instant saleCloses;

    @Column(name = "per_buyer_limit", nullable = false)
    private int perBuyerLimit;

    @Enumerated(EnumType.STRING)
    @Column(name = "offline_policy", nullable = false, length = 20)
    private OfflinePolicy offlinePolicy;

    @Column(name = "hold_box_office_seconds", nullable = false)
    private int holdBoxOfficeSeconds;

    @Column(name = "hold_kiosk_seconds", nullable = false)
    private int holdKioskSeconds;

    @Column(name = "hold_online_seconds", nullable = false)
    private int holdOnlineSeconds;

    @Column(name = "hold_jitter_seconds", nullable = false)
    private int holdJitterSeconds;

    @Column(name = "max_extensions", nullable = false)
    private int maxExtensions;

    // Eager: a performance is never used without its prices, and there are only a few tiers.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "price_tier", joinColumns = @JoinColumn(name = "performance_id"))
    @OrderBy("category")
    private List<StoredPriceTier> tiers = new ArrayList<>();

    protected PerformanceEntity() {
    }

    /** A performance to store. Tiers come back from {@link #toPerformance()} ordered by category. */
    public static PerformanceEntity from(Performance performance) {
        PerformanceEntity entity = new PerformanceEntity();
        entity.id = performance.id();
        entity.copy(performance);
        return entity;
    }

    /** Replaces everything but the id with the given version of this performance. */
    public void revise(Performance performance) {
        if (!id.equals(performance.id())) {
            throw new IllegalArgumentException("Performance " + performance.id() + " cannot revise " + id);
        }
        copy(performance);
    }

    public Performance toPerformance() {
        HoldPolicy holds = new HoldPolicy(Duration.ofSeconds(holdBoxOfficeSeconds), Duration.ofSeconds(holdKioskSeconds),
                Duration.ofSeconds(holdOnlineSeconds), Duration.ofSeconds(holdJitterSeconds), maxExtensions);
        List<PriceTier> priceTiers = tiers.stream().map(StoredPriceTier::toPriceTier).toList();
        return new Performance(id, venueId, title, startsAt, saleOpens, saleCloses, priceTiers, holds, perBuyerLimit,
                offlinePolicy);
    }

    private void copy(Performance performance) {
        venueId = performance.venueId();
        title = Objects.requireNonNull(performance.title(), "title");
        startsAt = Objects.requireNonNull(performance.startsAt(), "startsAt");
        saleOpens = Objects.requireNonNull(performance.saleOpens(), "saleOpens");
        saleCloses = Objects.requireNonNull(performance.saleCloses(), "saleCloses");
        perBuyerLimit = performance.perBuyerLimit();
        offlinePolicy = performance.offlinePolicy();
        HoldPolicy holds = performance.holds();
        holdBoxOfficeSeconds = wholeSeconds(holds.boxOffice(), "box office hold");
        holdKioskSeconds = wholeSeconds(holds.kiosk(), "kiosk hold");
        holdOnlineSeconds = wholeSeconds(holds.online(), "online hold");
        holdJitterSeconds = wholeSeconds(holds.jitter(), "hold jitter");
        maxExtensions = holds.maxExtensions();
        // Sorted so that what is stored and what is read back are the same list.
        tiers.clear();
        performance.tiers().stream()
                .sorted(Comparator.comparing(PriceTier::category))
                .map(StoredPriceTier::from)
                .forEach(tiers::add);
    }

    /** Holds are stored in whole seconds; refusing fractions beats reading back a different policy. */
    private static int wholeSeconds(Duration duration, String what) {
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be whole seconds, was " + duration);
        }
        return Math.toIntExact(duration.getSeconds());
    }

    @Override
    public String getId() {
        return id;
    }

    public String getVenueId() {
        return venueId;
    }
}
