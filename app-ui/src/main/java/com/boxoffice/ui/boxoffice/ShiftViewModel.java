package com.boxoffice.ui.boxoffice;

import java.util.Optional;

import com.boxoffice.core.shift.ShiftReport;
import com.boxoffice.core.shift.ShiftService;
import com.boxoffice.core.shift.ShiftView;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Money;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** The clerk's shift on this terminal: opened with a cash float, closed with the drawer counted. */
public class ShiftViewModel {

    private static final String CURRENCY = "EUR";

    private final ShiftService shifts;
    private final String terminalId;
    private final String staffId;
    private final ReadOnlyObjectWrapper<ShiftView> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ShiftReport> report = new ReadOnlyObjectWrapper<>();
    private final Activity activity = new Activity();

    public ShiftViewModel(ShiftService shifts, String terminalId, String staffId) {
        this.shifts = shifts;
        this.terminalId = terminalId;
        this.staffId = staffId;
    }

    /** The open shift, or null when none is open. */
    public ReadOnlyObjectProperty<ShiftView> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The report of the shift just closed. */
    public ReadOnlyObjectProperty<ShiftReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public void refresh() {
        activity.run(() -> shifts.current(terminalId), found -> current.set(found.orElse(null)));
    }

    public void open(String floatText) {
        long floatMinor = Money.parse(floatText, CURRENCY);
        if (floatMinor < 0) {
            activity.say("Type the cash in the drawer, e.g. 150 or 150.00.", false);
            return;
        }
        activity.run(() -> Optional.of(shifts.open(terminalId, staffId, floatMinor, CURRENCY)), opened -> {
            current.set(opened.orElseThrow());
            report.set(null);
            activity.say("Shift open with " + Money.format(floatMinor, CURRENCY) + " in the drawer.", false);
        });
    }

    public void close(String countedText) {
        ShiftView open = current.get();
        if (open == null) {
            activity.say("No shift is open on this terminal.", false);
            return;
        }
        long counted = Money.parse(countedText, open.currency());
        if (counted < 0) {
            activity.say("Count the cash in the drawer and type the total, e.g. 412.50.", false);
            return;
        }
        activity.run(() -> Optional.of(shifts.close(terminalId, open.shiftId(), staffId, counted)), closed -> {
            current.set(null);
            report.set(closed.orElseThrow());
            activity.say("Shift closed.", false);
        });
    }

}
