package com.boxoffice.core.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.shared.AuditEventEntity;
import com.boxoffice.core.shared.AuditEventRepository;

/**
 * Staff accounts and signing in with a PIN.
 *
 * <p>A sign-in never says whether an id exists: an unknown id, a wrong PIN and a deactivated account
 * all answer {@link SignInFailedException}, after the same slow hash. {@value #WRONG_PINS_BEFORE_LOCK}
 * wrong PINs in a row lock the account for {@link #LOCKOUT} by the injected clock; a right PIN starts
 * the count again. Every sign-in, successful or not, is written to the audit trail.
 */
public class StaffDirectory {

    public static final int WRONG_PINS_BEFORE_LOCK = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    static final String SIGNED_IN = "STAFF_SIGNED_IN";
    static final String SIGN_IN_FAILED = "STAFF_SIGN_IN_FAILED";
    static final String LOCKED = "STAFF_LOCKED";
    static final String MANAGER_OVERRIDE = "MANAGER_OVERRIDE";
    static final String MANAGER_OVERRIDE_FAILED = "MANAGER_OVERRIDE_FAILED";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final int NAME_LENGTH = 200;
    /** Room left in the audit subject after its prefix, for ids typed at a sign-in that match nobody. */
    private static final int TYPED_ID_LENGTH = 100;

    private final StaffRepository staff;
    private final AuditEventRepository audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public StaffDirectory(StaffRepository staff, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Creates an active account.
     *
     * @param staffId short id typed at sign-in: 1 to 32 letters, digits, '.', '_' or '-'
     * @param pin     4 to 8 digits
     * @throws InvalidStaffException   a malformed id, blank name, missing role or bad PIN; nothing is stored
     * @throws DuplicateStaffException the id is taken; the existing account is unchanged
     */
    public StaffMember create(String staffId, String displayName, StaffRole role, String pin) {
        checkId(staffId);
        if (displayName == null || displayName.isBlank() || displayName.length() > NAME_LENGTH) {
            throw new InvalidStaffException("A staff member needs a name of 1 to " + NAME_LENGTH + " characters");
        }
        if (role == null) {
            throw new InvalidStaffException("A staff member needs a role");
        }
        checkPin(pin);
        String pinHash = PinHashes.hash(pin);
        try {
            return tx.execute(s -> {
                if (staff.existsById(staffId)) {
                    throw new DuplicateStaffException(staffId);
                }
                Instant now = clock.instant();
                StaffEntity created = staff.saveAndFlush(StaffEntity.create(staffId, displayName.strip(), role, pinHash, now));
                audit(now, staffId, "STAFF_CREATED", staffId, role.name());
                return created.member();
            });
        } catch (DataIntegrityViolationException e) {
            // created at the same moment elsewhere
            throw new DuplicateStaffException(staffId);
        }
    }

    /**
     * Signs a staff member in.
     *
     * @throws SignInFailedException  unknown id, wrong PIN or deactivated account (never says which)
     * @throws AccountLockedException too many wrong PINs in a row, this one included; says when PINs
     *                                are checked again
     */
    public StaffSession signIn(String staffId, String pin) {
        return tx.execute(s -> attempt(staffId, pin)).session();
    }

    /**
     * A manager's PIN typed to allow something a clerk or kiosk may not do (leaving kiosk mode, say):
     * the session of an active, unlocked manager whose PIN it is, or empty. Each PIN is checked
     * against every active manager, so its cost grows with their number.
     */
    public Optional<StaffSession> verifyManagerPin(String pin) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<StaffEntity> managers = staff.findByRoleAndActiveTrueOrderById(StaffRole.MANAGER);
            for (StaffEntity manager : managers) {
                if (!manager.isLockedAt(now) && PinHashes.matches(pin, manager.getPinHash())) {
                    audit(now, manager.getId(), MANAGER_OVERRIDE, manager.getId(), null);
                    return Optional.of(session(manager, now));
                }
            }
            audit(now, "unknown", MANAGER_OVERRIDE_FAILED, "staff", "no active manager has this PIN");
            return Optional.<StaffSession>empty();
        });
    }

    /**
     * Replaces a PIN, given the current one. The current PIN is checked like a sign-in: wrong ones
     * count towards the lock-out.
     *
     * @throws InvalidStaffException  the new PIN is not 4 to 8 digits; nothing changes
     * @throws SignInFailedException  unknown id, wrong current PIN or deactivated account
     * @throws AccountLockedException as at sign-in
     */
    public void changePin(String staffId, String currentPin, String newPin) {
        checkPin(newPin);
        String newHash = PinHashes.hash(newPin);
        tx.execute(s -> {
            Attempt attempt = attempt(staffId, currentPin);
            if (attempt.member() != null) {
                Instant now = clock.instant();
                attempt.member().changePinHash(newHash, now);
                staff.save(attempt.member());
                audit(now, staffId, "STAFF_PIN_CHANGED", staffId, null);
            }
            return attempt;
        }).session();
    }

    /**
     * Stops an account from signing in; its history stays. Deactivating twice is the same as once.
     *
     * @throws UnknownStaffException no such account
     */
    public void deactivate(String staffId) {
        tx.executeWithoutResult(s -> {
            StaffEntity member = staff.findForUpdate(staffId).orElseThrow(() -> new UnknownStaffException(staffId));
            if (member.isActive()) {
                Instant now = clock.instant();
                member.deactivate(now);
                staff.save(member);
                audit(now, staffId, "STAFF_DEACTIVATED", staffId, null);
            }
        });
    }

    /** The account, whether active or not. */
    public Optional<StaffMember> find(String staffId) {
        return staffId == null ? Optional.empty() : staff.findById(staffId).map(StaffEntity::member);
    }

    /**
     * Creates the demonstration accounts that are missing: clerk {@code clerk} (PIN 1111), manager
     * {@code manager} (PIN 9999) and kiosk {@code kiosk} (PIN 0000). An account that exists is left as
     * it is, PIN included, so running this at every start changes nothing after the first.
     */
    public void ensureDemoStaff() {
        ensure("clerk", "Demo Clerk", StaffRole.CLERK, "1111");
        ensure("manager", "Demo Manager", StaffRole.MANAGER, "9999");
        ensure("kiosk", "Demo Kiosk", StaffRole.KIOSK, "0000");
    }

    private void ensure(String staffId, String name, StaffRole role, String pin) {
        if (staff.existsById(staffId)) {
            return;
        }
        try {
            create(staffId, name, role, pin);
        } catch (DuplicateStaffException e) {
            // made at the same moment by another start
        }
    }

    /** One PIN check against one account, with its consequences written; the caller's transaction commits them. */
    private Attempt attempt(String staffId, String pin) {
        Instant now = clock.instant();
        Optional<StaffEntity> found = staffId == null ? Optional.empty() : staff.findForUpdate(staffId);
        if (found.isEmpty()) {
            PinHashes.matches(pin, PinHashes.DECOY);
            audit(now, "unknown", SIGN_IN_FAILED, typed(staffId), "unknown staff id");
            return Attempt.failed();
        }
        StaffEntity member = found.get();
        if (member.isLockedAt(now)) {
            audit(now, member.getId(), SIGN_IN_FAILED, member.getId(), "locked until " + member.getLockedUntil());
            return Attempt.locked(member.getLockedUntil());
        }
        boolean right = PinHashes.matches(pin, member.getPinHash());
        if (!member.isActive()) {
            audit(now, member.getId(), SIGN_IN_FAILED, member.getId(), "account deactivated");
            return Attempt.failed();
        }
        if (right) {
            member.pinAccepted(now);
            staff.save(member);
            audit(now, member.getId(), SIGNED_IN, member.getId(), member.getRole().name());
            return Attempt.signedIn(member, session(member, now));
        }
        boolean locked = member.pinRefused(now, WRONG_PINS_BEFORE_LOCK, LOCKOUT);
        staff.save(member);
        audit(now, member.getId(), SIGN_IN_FAILED, member.getId(), "wrong PIN");
        if (locked) {
            audit(now, member.getId(), LOCKED, member.getId(), "locked until " + member.getLockedUntil());
            return Attempt.locked(member.getLockedUntil());
        }
        return Attempt.failed();
    }

    /** The outcome of a PIN check: a session, or why there is none. */
    private record Attempt(StaffEntity member, StaffSession signedIn, Instant lockedUntil) {

        static Attempt signedIn(StaffEntity member, StaffSession session) {
            return new Attempt(member, session, null);
        }

        static Attempt failed() {
            return new Attempt(null, null, null);
        }

        static Attempt locked(Instant until) {
            return new Attempt(null, null, until);
        }

        /** Thrown only after the transaction committed, so the count of wrong PINs is kept. */
        StaffSession session() {
            if (signedIn != null) {
                return signedIn;
            }
            if (lockedUntil != null) {
                throw new AccountLockedException(lockedUntil);
            }
            throw new SignInFailedException();
        }
    }

    private static StaffSession session(StaffEntity member, Instant now) {
        return new StaffSession(member.getId(), member.getDisplayName(), member.getRole(), now);
    }

    private void audit(Instant at, String actor, String kind, String subject, String detail) {
        audit.save(AuditEventEntity.record(at, actor, kind, "staff/" + subject, detail));
    }

    /** What was typed as an id, cut to fit the audit trail. */
    private static String typed(String staffId) {
        if (staffId == null) {
            return "(none)";
        }
        return staffId.length() <= TYPED_ID_LENGTH ? staffId : staffId.substring(0, TYPED_ID_LENGTH);
    }

    private static void checkId(String staffId) {
        if (staffId == null || !ID.matcher(staffId).matches()) {
            throw new InvalidStaffException("A staff id is 1 to 32 letters, digits, '.', '_' or '-'");
        }
    }

    /** Whether {@code pin} has the form every PIN must have: 4 to 8 digits. */
    public static boolean isWellFormedPin(String pin) {
        return pin != null && PIN.matcher(pin).matches();
    }

    private static void checkPin(String pin) {
        if (!isWellFormedPin(pin)) {
            throw new InvalidStaffException("A PIN is 4 to 8 digits");
        }
    }
}
