package com.boxoffice.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.MutableClock;
import com.boxoffice.core.shared.AuditEventEntity;
import com.boxoffice.core.shared.AuditEventRepository;

/** Staff accounts and PIN sign-in on a real database. Each test makes accounts under fresh ids. */
abstract class StaffDirectoryContract {

    @Autowired
    StaffRepository staff;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    MutableClock clock;
    StaffDirectory directory;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));
        directory = new StaffDirectory(staff, audit, new TransactionTemplate(transactions), clock);
    }

    static String newId() {
        return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    String clerk(String pin) {
        String id = newId();
        directory.create(id, "Alice Clerk", StaffRole.CLERK, pin);
        return id;
    }

    List<String> auditKinds(String staffId) {
        return audit.findBySubjectOrderByAtAscIdAsc("staff/" + staffId).stream().map(AuditEventEntity::getKind).toList();
    }

    @Test
    void rightPinSignsInAsTheAccountsNameAndRole() {
        String id = clerk("4821");

        StaffSession session = directory.signIn(id, "4821");

        assertThat(session).isEqualTo(new StaffSession(id, "Alice Clerk", StaffRole.CLERK, clock.instant()));
    }

    @Test
    void wrongPinAndUnknownIdGetTheSameAnswer() {
        String id = clerk("4821");

        Throwable wrongPin = catchThrowable(() -> directory.signIn(id, "4822"));
        Throwable unknownId = catchThrowable(() -> directory.signIn(newId(), "4821"));

        assertThat(wrongPin).isExactlyInstanceOf(SignInFailedException.class);
        assertThat(unknownId).isExactlyInstanceOf(SignInFailedException.class);
        assertThat(unknownId).hasMessage(wrongPin.getMessage());
        assertThat(((SignInFailedException) unknownId).code()).isEqualTo(((SignInFailedException) wrongPin).code());
    }

    @Test
    void fiveWrongPinsInARowLockTheAccountForFiveMinutesEvenAgainstTheRightPin() {
        String id = clerk("4821");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> directory.signIn(id, "0000")).isInstanceOf(SignInFailedException.class);
        }

        Throwable fifth = catchThrowable(() -> directory.signIn(id, "0000"));

        Instant unlocksAt = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(fifth).isInstanceOfSatisfying(AccountLockedException.class,
                locked -> assertThat(locked.unlocksAt()).isEqualTo(unlocksAt));
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThatThrownBy(() -> directory.signIn(id, "4821")).isInstanceOfSatisfying(AccountLockedException.class,
                locked -> assertThat(locked.unlocksAt()).isEqualTo(unlocksAt));
    }

    @Test
    void lockedAccountOpensAgainWithTheRightPinOnceFiveMinutesHavePassed() {
        String id = clerk("4821");
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> directory.signIn(id, "0000"));
        }

        clock.advance(Duration.ofMinutes(5));

        assertThat(directory.signIn(id, "4821").staffId()).isEqualTo(id);
        assertThat(staff.findById(id).orElseThrow().getLockedUntil()).isNull();
    }

    @Test
    void rightPinStartsTheCountOfWrongOnesAgain() {
        String id = clerk("4821");
        for (int i = 0; i < 4; i++) {
            catchThrowable(() -> directory.signIn(id, "0000"));
        }
        directory.signIn(id, "4821");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> directory.signIn(id, "0000")).isExactlyInstanceOf(SignInFailedException.class);
        }

        assertThat(directory.signIn(id, "4821").staffId()).isEqualTo(id);
        assertThat(staff.findById(id).orElseThrow().getFailedPins()).isZero();
    }

    @Test
    void pinIsStoredOnlyAsASaltedHash() {
        String first = clerk("73915482");
        String second = clerk("73915482");

        for (String id : List.of(first, second)) {
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM staff WHERE id = ?", id);
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("73915482"));
            assertThat((String) row.get("pin_hash")).startsWith("pbkdf2-sha256$120000$");
        }
        assertThat(staff.findById(first).orElseThrow().getPinHash())
                .as("same PIN, different salt").isNotEqualTo(staff.findById(second).orElseThrow().getPinHash());
    }

    @Test
    void badPinsAreRefusedAndNothingIsStored() {
        for (String pin : new String[] {"123", "123456789", "12a4", "", " 1234", null}) {
            String id = newId();
            assertThatThrownBy(() -> directory.create(id, "Bob", StaffRole.CLERK, pin))
                    .isInstanceOf(InvalidStaffException.class);
            assertThat(staff.existsById(id)).as("account with PIN [%s]", pin).isFalse();
            assertThat(auditKinds(id)).isEmpty();
        }
    }

    @Test
    void malformedIdsAndBlankNamesAreRefusedAndNothingIsStored() {
        long before = staff.count();

        assertThatThrownBy(() -> directory.create("has space", "Bob", StaffRole.CLERK, "1234"))
                .isInstanceOf(InvalidStaffException.class);
        assertThatThrownBy(() -> directory.create("x".repeat(33), "Bob", StaffRole.CLERK, "1234"))
                .isInstanceOf(InvalidStaffException.class);
        assertThatThrownBy(() -> directory.create(newId(), " ", StaffRole.CLERK, "1234"))
                .isInstanceOf(InvalidStaffException.class);
        assertThatThrownBy(() -> directory.create(newId(), "Bob", null, "1234"))
                .isInstanceOf(InvalidStaffException.class);

        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void aTakenIdIsRefusedAndTheExistingAccountKeepsItsPin() {
        String id = clerk("4821");

        assertThatThrownBy(() -> directory.create(id, "Mallory", StaffRole.MANAGER, "1234"))
                .isInstanceOf(DuplicateStaffException.class);

        assertThat(directory.signIn(id, "4821").role()).isEqualTo(StaffRole.CLERK);
        assertThatThrownBy(() -> directory.signIn(id, "1234")).isInstanceOf(SignInFailedException.class);
    }

    @Test
    void everySignInSuccessAndFailureIsAudited() {
        String id = clerk("4821");
        String unknown = newId();

        directory.signIn(id, "4821");
        catchThrowable(() -> directory.signIn(id, "1111"));
        catchThrowable(() -> directory.signIn(unknown, "4821"));

        assertThat(auditKinds(id)).containsExactly("STAFF_CREATED", "STAFF_SIGNED_IN", "STAFF_SIGN_IN_FAILED");
        assertThat(auditKinds(unknown)).containsExactly("STAFF_SIGN_IN_FAILED");
    }

    @Test
    void lockingIsAuditedAndRefusalsWhileLockedToo() {
        String id = clerk("4821");
        for (int i = 0; i < 6; i++) {
            catchThrowable(() -> directory.signIn(id, "0000"));
        }

        assertThat(auditKinds(id)).containsExactly("STAFF_CREATED",
                "STAFF_SIGN_IN_FAILED", "STAFF_SIGN_IN_FAILED", "STAFF_SIGN_IN_FAILED", "STAFF_SIGN_IN_FAILED",
                "STAFF_SIGN_IN_FAILED", "STAFF_LOCKED", "STAFF_SIGN_IN_FAILED");
    }

    @Test
    void deactivatedAccountCannotSignInAndIsToldNothingMore() {
        String id = clerk("4821");

        directory.deactivate(id);
        directory.deactivate(id);

        assertThatThrownBy(() -> directory.signIn(id, "4821")).isExactlyInstanceOf(SignInFailedException.class);
        assertThat(directory.find(id)).hasValueSatisfying(member -> assertThat(member.active()).isFalse());
        assertThat(auditKinds(id)).containsOnlyOnce("STAFF_DEACTIVATED");
    }

    @Test
    void deactivatingAnUnknownAccountFails() {
        assertThatThrownBy(() -> directory.deactivate(newId())).isInstanceOf(UnknownStaffException.class);
    }

    @Test
    void changedPinReplacesTheOldOne() {
        String id = clerk("4821");

        directory.changePin(id, "4821", "55667788");

        assertThat(directory.signIn(id, "55667788").staffId()).isEqualTo(id);
        assertThatThrownBy(() -> directory.signIn(id, "4821")).isInstanceOf(SignInFailedException.class);
    }

    @Test
    void pinIsNotChangedWithAWrongCurrentPinOrToABadOne() {
        String id = clerk("4821");

        assertThatThrownBy(() -> directory.changePin(id, "4822", "5566")).isInstanceOf(SignInFailedException.class);
        assertThatThrownBy(() -> directory.changePin(id, "4821", "55")).isInstanceOf(InvalidStaffException.class);

        assertThat(directory.signIn(id, "4821").staffId()).isEqualTo(id);
        assertThatThrownBy(() -> directory.signIn(id, "5566")).isInstanceOf(SignInFailedException.class);
        assertThatThrownBy(() -> directory.signIn(id, "55")).isInstanceOf(SignInFailedException.class);
    }

    @Test
    void managerPinAllowsAnOverrideAndNoOtherPinDoes() {
        String manager = newId();
        directory.create(manager, "Mia Manager", StaffRole.MANAGER, "8642097");
        clerk("8642098");

        assertThat(directory.verifyManagerPin("8642097"))
                .hasValueSatisfying(session -> assertThat(session.staffId()).isEqualTo(manager));
        assertThat(directory.verifyManagerPin("8642098")).as("a clerk's PIN").isEmpty();
        assertThat(directory.verifyManagerPin("8642096")).isEmpty();
        assertThat(audit.findBySubjectOrderByAtAscIdAsc("staff/" + manager))
                .extracting(AuditEventEntity::getKind).contains("MANAGER_OVERRIDE");
    }

    @Test
    void deactivatedManagerCannotOverride() {
        String manager = newId();
        directory.create(manager, "Max Manager", StaffRole.MANAGER, "7531598");

        directory.deactivate(manager);

        assertThat(directory.verifyManagerPin("7531598")).isEmpty();
    }

    @Test
    void demoAccountsAreMadeOnceAndSignInWithTheirPins() {
        directory.ensureDemoStaff();
        String firstHash = staff.findById("clerk").orElseThrow().getPinHash();
        directory.ensureDemoStaff();

        assertThat(staff.findById("clerk").orElseThrow().getPinHash()).as("left as it was").isEqualTo(firstHash);
        assertThat(directory.signIn("clerk", "1111").role()).isEqualTo(StaffRole.CLERK);
        assertThat(directory.signIn("manager", "9999").role()).isEqualTo(StaffRole.MANAGER);
        assertThat(directory.signIn("kiosk", "0000").role()).isEqualTo(StaffRole.KIOSK);
        assertThat(directory.verifyManagerPin("9999")).hasValueSatisfying(s -> assertThat(s.staffId()).isEqualTo("manager"));
    }
}
