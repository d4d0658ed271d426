package com.boxoffice.core.shift;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.shared.AuditEventEntity;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.staff.StaffEntity;
import com.boxoffice.core.staff.StaffRepository;
import com.boxoffice.core.staff.StaffRole;

/**
 * Shifts at a terminal's cash drawer: opened with a float, closed with a count, and a report of what
 * the drawer should hold against what it did.
 *
 * <p>A terminal has at most one open shift. The open shift's row in {@code open_shift} is keyed by
 * terminal and written in the same transaction as the shift, so of two opens racing on one terminal
 * exactly one commits. Closing is idempotent: the report is computed and stored once, and closing
 * again answers the stored report.
 */
public class ShiftService {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int TERMINAL_ID_LENGTH = 64;

    private final ShiftRepository shifts;
    private final OpenShiftRepository openShifts;
    private final StaffRepository staff;
    private final ShiftTotalsSource totals;
    private final AuditEventRepository audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ShiftService(ShiftRepository shifts, OpenShiftRepository openShifts, StaffRepository staff,
                        ShiftTotalsSource totals, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        this.shifts = shifts;
        this.openShifts = openShifts;
        this.staff = staff;
        this.totals = totals;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Opens a shift on the terminal with {@code floatMinor} in the drawer. Sent again by the same
     * staff member with the same float and currency while that shift is open, it answers that shift.
     *
     * @param currency ISO 4217 code, e.g. "EUR"
     * @throws InvalidShiftException       blank terminal id, negative float, malformed currency
     * @throws ShiftNotPermittedException  the staff member is unknown, deactivated or a kiosk account
     * @throws ShiftAlreadyOpenException   another shift is open on the terminal
     */
    public ShiftView open(String terminalId, String staffId, long floatMinor, String currency) {
        checkTerminal(terminalId);
        if (floatMinor < 0) {
            throw new InvalidShiftException("An opening float cannot be negative, was " + floatMinor);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new InvalidShiftException("A currency is a three-letter ISO code such as EUR, was " + currency);
        }
        try {
            return tx.execute(s -> {
                Instant now = clock.instant();
                StaffEntity member = activeStaff(staffId);
                if (member.getRole() == StaffRole.KIOSK) {
                    throw new ShiftNotPermittedException("A kiosk account does not run a cash drawer");
                }
                Optional<OpenShiftEntity> open = openShifts.findById(terminalId);
                if (open.isPresent()) {
                    return sameOpenOrRefuse(terminalId, open.get().getShiftId(), staffId, floatMinor, currency);
                }
                ShiftEntity shift = shifts.save(ShiftEntity.open(UUID.randomUUID().toString(), terminalId, currency,
                        floatMinor, staffId, now));
                openShifts.saveAndFlush(new OpenShiftEntity(terminalId, shift.getId()));
                audit.save(AuditEventEntity.record(now, staffId, "SHIFT_OPENED", "shift/" + shift.getId(),
                        "terminal " + terminalId + ", float " + floatMinor + " " + currency));
                return shift.view();
            });
        } catch (DataIntegrityViolationException e) {
            // another open on this terminal committed first
            return tx.execute(s -> openShifts.findById(terminalId)
                    .map(open -> sameOpenOrRefuse(terminalId, open.getShiftId(), staffId, floatMinor, currency))
                    .orElseThrow(() -> e));
        }
    }

    private ShiftView sameOpenOrRefuse(String terminalId, String shiftId, String staffId, long floatMinor,
                                       String currency) {
        ShiftEntity open = shifts.findById(shiftId).orElseThrow();
        if (open.getOpenedBy().equals(staffId) && open.getOpeningFloatMinor() == floatMinor
                && open.getCurrency().equals(currency)) {
            return open.view();
        }
        throw new ShiftAlreadyOpenException(terminalId, shiftId);
    }

    /** The terminal's open shift, if it has one. */
    public Optional<ShiftView> current(String terminalId) {
        if (terminalId == null) {
            return Optional.empty();
        }
        return tx.execute(s -> openShifts.findById(terminalId)
                .flatMap(open -> shifts.findById(open.getShiftId()))
                .map(ShiftEntity::view));
    }

    /**
     * Closes a shift with the cash counted in its drawer and stores its report. The staff member must
     * be the one who opened it or a manager. Closing a closed shift answers its stored report and
     * changes nothing, whatever count is given.
     *
     * @throws InvalidShiftException      negative count
     * @throws UnknownShiftException      no such shift
     * @throws ShiftNotPermittedException the staff member is unknown, deactivated, or a clerk who did
     *                                    not open this shift
     */
    public ShiftReport close(String shiftId, String staffId, long countedCashMinor) {
        return close(null, shiftId, staffId, countedCashMinor);
    }

    /**
     * As {@link #close(String, String, long)}, from the terminal {@code terminalId}: closing another
     * terminal's shift fails with {@link ShiftOnOtherTerminalException}.
     */
    public ShiftReport close(String terminalId, String shiftId, String staffId, long countedCashMinor) {
        if (countedCashMinor < 0) {
            throw new InvalidShiftException("Counted cash cannot be negative, was " + countedCashMinor);
        }
        return tx.execute(s -> {
            ShiftEntity shift = (shiftId == null ? Optional.<ShiftEntity>empty() : shifts.findForUpdate(shiftId))
                    .orElseThrow(() -> new UnknownShiftException("No shift " + shiftId));
            if (terminalId != null && !terminalId.equals(shift.getTerminalId())) {
                throw new ShiftOnOtherTerminalException("Shift " + shiftId + " is on terminal "
                        + shift.getTerminalId() + ", not " + terminalId);
            }
            StaffEntity member = activeStaff(staffId);
            if (member.getRole() != StaffRole.MANAGER && !shift.getOpenedBy().equals(staffId)) {
                throw new ShiftNotPermittedException("Shift " + shiftId + " was opened by " + shift.getOpenedBy()
                        + "; only they or a manager may close it");
            }
            if (shift.getStatus() == ShiftStatus.CLOSED) {
                return shift.report();
            }
            // a clock set back since the open must not make a period that ends before it starts
            Instant now = max(clock.instant(), shift.getOpenedAt());
            ShiftTotals taken = totals.totals(shift.getTerminalId(), shift.getCurrency(), shift.getOpenedAt(), now);
            shift.close(staffId, now, taken, countedCashMinor);
            shifts.save(shift);
            openShifts.deleteById(shift.getTerminalId());
            ShiftReport report = shift.report();
            audit.save(AuditEventEntity.record(now, staffId, "SHIFT_CLOSED", "shift/" + shiftId,
                    "expected " + report.expectedCashMinor() + ", counted " + countedCashMinor + ", over/short "
                            + report.overShortMinor() + " " + report.currency()));
            return report;
        });
    }

    /**
     * The stored report of a closed shift, for a reprint.
     *
     * @throws UnknownShiftException no such shift
     * @throws InvalidShiftException the shift is still open
     */
    public ShiftReport report(String shiftId) {
        ShiftEntity shift = (shiftId == null ? Optional.<ShiftEntity>empty() : shifts.findById(shiftId))
                .orElseThrow(() -> new UnknownShiftException("No shift " + shiftId));
        if (shift.getStatus() != ShiftStatus.CLOSED) {
            throw new InvalidShiftException("Shift " + shiftId + " is still open; it has a report once closed");
        }
        return shift.report();
    }

    private StaffEntity activeStaff(String staffId) {
        return (staffId == null ? Optional.<StaffEntity>empty() : staff.findById(staffId))
                .filter(StaffEntity::isActive)
                .orElseThrow(() -> new ShiftNotPermittedException("No active staff member " + staffId));
    }

    private static void checkTerminal(String terminalId) {
        if (terminalId == null || terminalId.isBlank() || terminalId.length() > TERMINAL_ID_LENGTH) {
            throw new InvalidShiftException("A terminal id is 1 to " + TERMINAL_ID_LENGTH + " characters");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
