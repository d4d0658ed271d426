package com.boxoffice.ui.manager;

import java.util.List;
import java.util.function.Supplier;

import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Problems;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A manager's actions on one performance's seats: block and unblock them (with a reason), allocate
 * them to a terminal for offline selling and take them back. The seats come from the map selection.
 */
public class ManagerViewModel {

    private final SeatAssignments seats;
    private final String performanceId;
    private final String managerId;
    private final Supplier<List<String>> selected;
    private final Runnable clearSelection;
    private final Activity activity = new Activity();

    public ManagerViewModel(SeatAssignments seats, String performanceId, String managerId, Supplier<List<String>> selected,
                            Runnable clearSelection) {
        this.seats = seats;
        this.performanceId = performanceId;
        this.managerId = managerId;
        this.selected = selected;
        this.clearSelection = clearSelection;
    }

    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return activity.problemProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public void block(String reason) {
        if (reason == null || reason.isBlank()) {
            say("Say why the seats are blocked (house seats, broken seat, camera position...).", true);
            return;
        }
        act("blocked", chosen -> seats.block(performanceId, chosen, reason.trim(), managerId));
    }

    public void unblock() {
        act("unblocked", chosen -> seats.unblock(performanceId, chosen, managerId));
    }

    public void allocate(String terminalId) {
        if (terminalId == null || terminalId.isBlank()) {
            say("Type the id of the terminal that will sell these seats offline, e.g. window-2.", true);
            return;
        }
        act("allocated to " + terminalId.trim(), chosen -> seats.allocate(performanceId, chosen, terminalId.trim(), managerId));
    }

    public void deallocate(String terminalId) {
        if (terminalId == null || terminalId.isBlank()) {
            say("Type the id of the terminal the seats are allocated to.", true);
            return;
        }
        act("taken back from " + terminalId.trim(),
                chosen -> seats.deallocate(performanceId, chosen, terminalId.trim(), managerId));
    }

    private void act(String done, java.util.function.Function<List<String>, List<String>> change) {
        List<String> seats = selected.get();
        if (seats.isEmpty()) {
            say("Select seats on the map first: click them, or hold Shift and drag around them.", true);
            return;
        }
        activity.run(() -> change.apply(seats), changed -> {
            clearSelection.run();
            int skipped = seats.size() - changed.size();
            say(changed.size() + (changed.size() == 1 ? " seat " : " seats ") + done + "."
                    + (skipped > 0 ? " " + skipped + " already were." : ""),
                    changed.isEmpty());
        }, error -> say(error instanceof SeatUnavailableException
                    ? "Nothing changed: some of those seats are held, sold or in another state. Select only seats that "
                    + "can change and try again."
                    : Problems.describe(error), true));
    }

    private void say(String text, boolean isProblem) {
        activity.say(text, isProblem);
    }
}
