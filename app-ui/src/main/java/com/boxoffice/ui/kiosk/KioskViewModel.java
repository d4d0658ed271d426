package com.boxoffice.ui.kiosk;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.ui.boxoffice.SaleViewModel;
import com.boxoffice.ui.shell.PerformanceListViewModel;
import com.boxoffice.ui.shell.PerformanceRow;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A self-service kiosk: choose a performance, the number of tickets and a price, get the best seats,
 * pay by card, take the tickets. Nobody touching it for a while sends it back to the start and gives
 * any held seats back; leaving kiosk mode takes a manager's PIN.
 */
public class KioskViewModel {

    /** The kiosk's screens, in the order a customer meets them. */
    public enum Screen { START, CHOOSE, BASKET, DONE }

    private final PerformanceListViewModel performances;
    private final Function<String, SaleViewModel> sales;
    private final Predicate<String> managerPin;
    private final Runnable leave;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.START);
    private final ReadOnlyObjectWrapper<PerformanceRow> performance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SaleViewModel> sale = new ReadOnlyObjectWrapper<>();
    private final PauseTransition idle;

    /**
     * @param sales      a new sale of a performance (by id), on the kiosk channel
     * @param managerPin whether a PIN is a manager's
     * @param leave      closes the kiosk (after a manager's PIN)
     */
    public KioskViewModel(PerformanceListViewModel performances, Function<String, SaleViewModel> sales,
                          Predicate<String> managerPin, Runnable leave, Duration idleTimeout) {
        this.performances = performances;
        this.sales = sales;
        this.managerPin = managerPin;
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

    public PerformanceListViewModel performances() {
        return performances;
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
        SaleViewModel next = sales.apply(row.performanceId());
        next.stepProperty().addListener((obs, old, step) -> {
            if (sale.get() != next) {
                return;
            }
            switch (step) {
                case HELD -> screen.set(Screen.BASKET);
                case PAID -> screen.set(Screen.DONE);
                case PICKING -> {
                    if (screen.get() == Screen.BASKET) {
                        screen.set(Screen.CHOOSE);
                    }
                }
            }
        });
        sale.set(next);
        screen.set(Screen.CHOOSE);
        touched();
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
        screen.set(performance.get() == null ? Screen.START : Screen.CHOOSE);
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
    }

    /** Whether {@code pin} is a manager's. Slow on purpose (PINs are stored as slow hashes): call it off the FX thread. */
    public boolean isManagerPin(String pin) {
        return pin != null && !pin.isEmpty() && managerPin.test(pin);
    }

    /** Leaves kiosk mode, once a manager's PIN was given; held seats go back on sale. */
    public void leave() {
        startOver();
        leave.run();
    }
}
