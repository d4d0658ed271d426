package com.boxoffice.ui.kiosk;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.ui.boxoffice.SaleViewModel;
import com.boxoffice.ui.seatmap.SeatMapViewModel;
import com.boxoffice.ui.shell.PerformanceListViewModel;
import com.boxoffice.ui.shell.PerformanceRow;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A self-service kiosk: choose a performance, then either the number of tickets and a price for the
 * best seats, or the seats themselves on the live map; pay by card, take the tickets. Nobody touching
 * it for a while sends it back to the start and gives any held seats back; leaving kiosk mode takes
 * the kiosk's own PIN or a manager's.
 */
public class KioskViewModel {

    /** The kiosk's screens, in the order a customer meets them (the map is the other way to choose). */
    public enum Screen { START, CHOOSE, MAP, BASKET, DONE }

    /** Most tickets one purchase at a kiosk may have, whatever the performance allows a buyer. */
    public static final int MOST_TICKETS = 8;

    /** What the kiosk sells with. */
    public interface Desk {
        /** A new sale of a performance, on the kiosk channel. */
        SaleViewModel sale(String performanceId);

        /** A live seat map, not yet open. */
        SeatMapViewModel map();

        /** Most seats one buyer may have for the performance. */
        int perBuyerLimit(String performanceId);
    }

    private final PerformanceListViewModel performances;
    private final Desk desk;
    private final Predicate<String> exitPin;
    private final Runnable leave;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.START);
    private final ReadOnlyObjectWrapper<PerformanceRow> performance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SaleViewModel> sale = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeatMapViewModel> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper mapNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper mapFull = new ReadOnlyBooleanWrapper();
    private final PauseTransition idle;
    /** Where the seats are being chosen: best available or the map; going back from the basket returns there. */
    private Screen picking = Screen.CHOOSE;
    private boolean mapOpen;
    private int ticketLimit = MOST_TICKETS;

    /**
     * @param desk       new sales and live seat maps, and each performance's seat limit
     * @param exitPin    whether a PIN takes the kiosk out of kiosk mode (its own PIN or a manager's)
     * @param leave      closes the kiosk (after such a PIN)
     */
    public KioskViewModel(PerformanceListViewModel performances, Desk desk, Predicate<String> exitPin, Runnable leave,
                          Duration idleTimeout) {
        this.performances = performances;
        this.desk = desk;
        this.exitPin = exitPin;
        this.leave = leave;
        this.idle = new PauseTransition(javafx.util.Duration.millis(idleTimeout.toMillis()));
        idle.setOnFinished(e -> startOver());
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PerformanceRow> performanceProperty() {
        return performance.getReadOnlyProperty();
    }

    /** The sale under way, once a performance is chosen. */
    public ReadOnlyObjectProperty<SaleViewModel> saleProperty() {
        return sale.getReadOnlyProperty();
    }

    /** The live seat map of the chosen performance; it starts following the seats when the map screen first opens. */
    public ReadOnlyObjectProperty<SeatMapViewModel> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** What the map screen says about the seats chosen on it. */
    public ReadOnlyStringProperty mapNoteProperty() {
        return mapNote.getReadOnlyProperty();
    }

    /** As many seats are chosen on the map as one purchase may have. */
    public ReadOnlyBooleanProperty mapFullProperty() {
        return mapFull.getReadOnlyProperty();
    }

    public PerformanceListViewModel performances() {
        return performances;
    }

    /** Most tickets one purchase of the chosen performance may have. */
    public int ticketLimit() {
        return ticketLimit;
    }

    /** Somebody touched the screen: the idle countdown starts again (it runs only away from the start). */
    public void touched() {
        if (screen.get() != Screen.START) {
            idle.playFromStart();
        }
    }

    public void choose(PerformanceRow row) {
        closeSale();
        performance.set(row);
        ticketLimit = Math.max(1, Math.min(MOST_TICKETS, desk.perBuyerLimit(row.performanceId())));
        SaleViewModel next = desk.sale(row.performanceId());
        next.stepProperty().addListener((obs, old, step) -> {
            if (sale.get() != next) {
                return;
            }
            switch (step) {
                case HELD -> screen.set(Screen.BASKET);
                case PAID -> screen.set(Screen.DONE);
                case PICKING -> {
                    if (screen.get() == Screen.BASKET) {
                        screen.set(picking);
                    }
                }
            }
        });
        picking = Screen.CHOOSE;
        chosenOnMap(0);
        // the map is there before the sale, so the screens built for the sale can show it
        map.set(desk.map());
        sale.set(next);
        screen.set(Screen.CHOOSE);
        touched();
    }

    /**
     * Shows the map of the chosen performance, live from the first time it is shown until the kiosk
     * starts over.
     *
     * @param display where the map is drawn
     */
    public void openMap(SeatMapViewModel.Display display) {
        SaleViewModel current = sale.get();
        SeatMapViewModel live = map.get();
        if (current == null || live == null) {
            return;
        }
        if (!mapOpen) {
            live.open(current.performanceId(), display);
            mapOpen = true;
        }
        current.clearMessage();
        picking = Screen.MAP;
        screen.set(Screen.MAP);
    }

    /** From the map back to best available. */
    public void backToBestAvailable() {
        SaleViewModel current = sale.get();
        if (current == null) {
            return;
        }
        current.clearMessage();
        picking = Screen.CHOOSE;
        screen.set(Screen.CHOOSE);
    }

    /** Whether another seat may be chosen on the map when {@code chosen} already are. */
    public boolean mayChooseAnother(int chosen) {
        return chosen < ticketLimit;
    }

    /** The seats chosen on the map are now {@code chosen} many. */
    public void chosenOnMap(int chosen) {
        mapFull.set(chosen >= ticketLimit);
        if (chosen >= ticketLimit) {
            mapNote.set(ticketLimit + (ticketLimit == 1 ? " seat" : " seats")
                    + " chosen: that is the most for one purchase. Tap a chosen seat to let it go.");
        } else if (chosen == 0) {
            mapNote.set("Tap the map to go closer, then tap the seats you want: up to " + ticketLimit + ".");
        } else {
            mapNote.set(chosen + (chosen == 1 ? " seat" : " seats") + " chosen, up to " + ticketLimit + ".");
        }
    }

    /** Someone else took a seat that was chosen on the map before it could be held; {@code chosen} remain. */
    public void chosenSeatTaken(int chosen) {
        chosenOnMap(chosen);
        SaleViewModel current = sale.get();
        // while a hold is under way the seats leaving the choice may be the buyer's own, and a
        // refused hold has said so already
        if (current == null || current.busyProperty().get() || current.stepProperty().get() != SaleViewModel.Step.PICKING
                || current.problemProperty().get()) {
            return;
        }
        mapNote.set("Someone else has just taken a seat you chose. The map shows it now: pick another. "
                + mapNote.get());
    }

    /** Holds exactly the seats chosen on the map; the basket follows once they are held. */
    public void holdChosen(List<String> seatIds) {
        SaleViewModel current = sale.get();
        if (current == null || seatIds.isEmpty() || seatIds.size() > ticketLimit) {
            return;
        }
        current.holdSeats(seatIds);
    }

    /** The best {@code count} seats together at a price (null: the best at any price). */
    public void findSeats(int count, String category) {
        SaleViewModel current = sale.get();
        if (current != null) {
            current.holdBest(count, category, 0);
        }
    }

    /** Pays by card: the only way to pay at a kiosk. */
    public void payByCard(SimulatedOutcome outcome) {
        SaleViewModel current = sale.get();
        if (current != null) {
            current.payCard(outcome);
        }
    }

    /** Back to the choice of seats, giving back any held ones. */
    public void back() {
        SaleViewModel current = sale.get();
        if (current != null && current.stepProperty().get() == SaleViewModel.Step.HELD) {
            current.cancel();
        }
        screen.set(performance.get() == null ? Screen.START : picking);
    }

    /** Back to the start screen; held seats go back on sale. */
    public void startOver() {
        idle.stop();
        closeSale();
        performance.set(null);
        screen.set(Screen.START);
        performances.refresh();
    }

    /** The kiosk is shutting down: held seats go back on sale. */
    public void close() {
        idle.stop();
        closeSale();
    }

    private void closeSale() {
        SaleViewModel current = sale.get();
        if (current != null) {
            current.close();
        }
        sale.set(null);
        SeatMapViewModel live = map.get();
        if (live != null) {
            live.close();
        }
        map.set(null);
        mapOpen = false;
        picking = Screen.CHOOSE;
    }

    /** Whether {@code pin} takes the kiosk out of kiosk mode. Slow on purpose (PINs are stored as slow hashes): call it off the FX thread. */
    public boolean isExitPin(String pin) {
        return pin != null && !pin.isEmpty() && exitPin.test(pin);
    }

    /** Leaves kiosk mode, once the kiosk's PIN or a manager's was given; held seats go back on sale. */
    public void leave() {
        startOver();
        leave.run();
    }
}
