package com.boxoffice.core.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A staff account. The PIN is held only as a salted slow hash; wrong PINs in a row are counted so that
 * guessing locks the account for a while.
 */
@Entity
@Table(name = "staff")
public class StaffEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private StaffRole role;

    @Column(name = "pin_hash", nullable = false, length = 200)
    private String pinHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "failed_pins", nullable = false)
    private int failedPins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StaffEntity() {
    }

    /** A new, active account; {@code pinHash} is the hash, never the PIN. */
    static StaffEntity create(String id, String displayName, StaffRole role, String pinHash, Instant now) {
        StaffEntity staff = new StaffEntity();
        staff.id = Objects.requireNonNull(id, "id");
        staff.displayName = Objects.requireNonNull(displayName, "displayName");
        staff.role = Objects.requireNonNull(role, "role");
        staff.pinHash = Objects.requireNonNull(pinHash, "pinHash");
        staff.active = true;
        staff.createdAt = Objects.requireNonNull(now, "now");
        staff.updatedAt = now;
        return staff;
    }

    /** Whether PINs are refused unchecked at {@code now}. */
    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A right PIN: the count of wrong ones starts again. */
    void pinAccepted(Instant now) {
        failedPins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    /**
     * A wrong PIN. The {@code limit}th in a row locks the account for {@code lockout}, after which the
     * count starts again from zero.
     *
     * @return whether this wrong PIN locked the account
     */
    boolean pinRefused(Instant now, int limit, Duration lockout) {
        failedPins++;
        updatedAt = now;
        if (failedPins >= limit) {
            failedPins = 0;
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    void changePinHash(String newPinHash, Instant now) {
        pinHash = Objects.requireNonNull(newPinHash, "newPinHash");
        updatedAt = now;
    }

    void deactivate(Instant now) {
        active = false;
        updatedAt = now;
    }

    StaffMember member() {
        return new StaffMember(id, displayName, role, active);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public StaffRole getRole() {
        return role;
    }

    /** The salted hash of the PIN, in the form {@code pbkdf2-sha256$iterations$salt$hash}. */
    public String getPinHash() {
        return pinHash;
    }

    public boolean isActive() {
        return active;
    }

    /** Wrong PINs in a row since the last right one or the last lock. */
    public int getFailedPins() {
        return failedPins;
    }

    /** Until when PINs are refused; {@code null} when never locked or unlocked by a right PIN. */
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
