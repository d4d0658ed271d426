package com.boxoffice.ui.boxoffice;

import java.util.Optional;

import com.boxoffice.core.shift.ShiftReport;
import com.boxoffice.core.shift.ShiftService;
import com.boxoffice.core.shift.ShiftView;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Problems;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The clerk's shift on this terminal: opened with a cash float, closed with the drawer counted. */
public class ShiftViewModel {

    private static final String CURRENCY = "EUR";

    private final ShiftService shifts;
    private final String terminalId;
    private final String staffId;
    private final ReadOnlyObjectWrapper<ShiftView> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ShiftReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

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
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void refresh() {
        run(() -> shifts.current(terminalId), found -> current.set(found.orElse(null)));
    }

    public void open(String floatText) {
        long floatMinor = Money.parse(floatText, CURRENCY);
        if (floatMinor < 0) {
            message.set("Type the cash in the drawer, e.g. 150 or 150.00.");
            return;
        }
        run(() -> Optional.of(shifts.open(terminalId, staffId, floatMinor, CURRENCY)), opened -> {
            current.set(opened.orElseThrow());
            report.set(null);
            message.set("Shift open with " + Money.format(floatMinor, CURRENCY) + " in the drawer.");
        });
    }

    public void close(String countedText) {
        ShiftView open = current.get();
        if (open == null) {
            message.set("No shift is open on this terminal.");
            return;
        }
        long counted = Money.parse(countedText, open.currency());
        if (counted < 0) {
            message.set("Count the cash in the drawer and type the total, e.g. 412.50.");
            return;
        }
        run(() -> Optional.of(shifts.close(terminalId, open.shiftId(), staffId, counted)), closed -> {
            current.set(null);
            report.set(closed.orElseThrow());
            message.set("Shift closed.");
        });
    }

    private <T> void run(java.util.function.Supplier<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        Fx.inBackground(work, result -> {
            busy.set(false);
            done.accept(result);
        }, error -> {
            busy.set(false);
            message.set(Problems.describe(error));
        });
    }
}
