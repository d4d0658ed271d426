package com.boxoffice.core.venue;

import java.time.Instant;
import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored venue. The seating plan is kept as the JSON document it was imported from, opaque to the
 * database: nothing queries inside a plan, and the plan format belongs to the venue model, not to the
 * schema.
 */
@Entity
@Table(name = "venue")
public class VenueEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private VenueKind kind;

    @Column(name = "seat_count", nullable = false)
    private int seatCount;

    @Column(name = "layout_json", nullable = false)
    private String layoutJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected VenueEntity() {
    }

    private VenueEntity(String id, String name, VenueKind kind, int seatCount, String layoutJson, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        describe(name, kind, seatCount, layoutJson);
    }

    /**
     * A venue to store.
     *
     * @param venue      the plan, for its id, name, kind and seat count
     * @param layoutJson the same plan as its JSON document
     * @param createdAt  when it was first stored
     */
    public static VenueEntity from(Venue venue, String layoutJson, Instant createdAt) {
        return new VenueEntity(venue.id(), venue.name(), venue.kind(), venue.seatCount(), layoutJson, createdAt);
    }

    /** Replaces the plan, for instance after seats were added; the venue keeps its id. */
    public void replacePlan(Venue venue, String layoutJson) {
        if (!id.equals(venue.id())) {
            throw new IllegalArgumentException("Plan of venue " + venue.id() + " cannot replace venue " + id);
        }
        describe(venue.name(), venue.kind(), venue.seatCount(), layoutJson);
    }

    private void describe(String name, VenueKind kind, int seatCount, String layoutJson) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.layoutJson = Objects.requireNonNull(layoutJson, "layoutJson");
        if (seatCount < 0) {
            throw new IllegalArgumentException("seatCount must not be negative, was " + seatCount);
        }
        this.seatCount = seatCount;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public VenueKind getKind() {
        return kind;
    }

    public int getSeatCount() {
        return seatCount;
    }

    public String getLayoutJson() {
        return layoutJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
