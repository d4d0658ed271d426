package com.boxoffice.ui.boxoffice;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.NotEnoughSeatsException;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.ExchangeFailedException;
import com.boxoffice.core.sale.ExchangeReceipt;
import com.boxoffice.core.sale.ExchangeRequest;
import com.boxoffice.core.sale.PaymentDeclinedException;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.Tender;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Problems;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.util.Duration;

/**
 * One sale at a window or kiosk, from picking seats to tickets: hold (with a countdown that can be
 * extended), the basket with its locked prices, payment by cash, card or both, and the receipt.
 * At the window a sale can also be the second half of an exchange (see {@link #beginExchange}): the
 * seats held are then paid partly by seats of an earlier order given back.
 * Every call to the core runs in the background; results and problems come back as properties.
 * Call its methods from the FX thread.
 */
public class SaleViewModel implements AutoCloseable {

    /** Where the sale is. */
    public enum Step { PICKING, HELD, PAID }

    /** Writes a finished sale's tickets somewhere a buyer can take them from (a PDF file). */
    public interface TicketOutput {
        Path save(SaleReceipt receipt);
    }

    private final SaleService sales;
    private final HoldStore holds;
    private final Clock clock;
    private final String performanceId;
    private final Channel channel;
    private final String terminalId;
    private final Supplier<String> seller;
    private final TicketOutput tickets;
    private final Supplier<String> offlineSeats;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.PICKING);
    private final ReadOnlyObjectWrapper<Basket> basket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SaleReceipt> receipt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> ticketFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dueMinor = new ReadOnlyLongWrapper();
    private final Activity activity = new Activity();
    private final SaleExchange exchange = new SaleExchange();
    private final BooleanBinding cancellable = step.isEqualTo(Step.HELD)
            .or(exchange.onProperty().and(step.isEqualTo(Step.PICKING)));
    private final Timeline ticker;

    /**
     * @param offlineSeats what the terminal can sell while it is offline, said when seats could not be
     *                     held then; empty while online
     */
    public SaleViewModel(SaleService sales, HoldStore holds, Clock clock, String performanceId, Channel channel,
                         String terminalId, Supplier<String> seller, TicketOutput tickets, Supplier<String> offlineSeats) {
        this.sales = sales;
        this.holds = holds;
        this.clock = clock;
        this.performanceId = performanceId;
        this.channel = channel;
        this.terminalId = terminalId;
        this.seller = seller;
        this.tickets = tickets;
        this.offlineSeats = offlineSeats;
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Basket> basketProperty() {
        return basket.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaleReceipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    /** The saved tickets of the finished sale. */
    public ReadOnlyObjectProperty<Path> ticketFileProperty() {
        return ticketFile.getReadOnlyProperty();
    }

    /** Seconds until the held seats go back on sale. */
    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** What is still to pay (less than the total after a split payment's first part). */
    public ReadOnlyLongProperty dueMinorProperty() {
        return dueMinor.getReadOnlyProperty();
    }

    /** The last thing the clerk should know: what happened, or what went wrong and what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    /** Whether {@link #messageProperty()} reports a problem. */
    public ReadOnlyBooleanProperty problemProperty() {
        return activity.problemProperty();
    }

    /** A call to the core is under way: buttons that would start another one are disabled. */
    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public String performanceId() {
        return performanceId;
    }

    /** The exchange this sale is part of; off for an ordinary sale. */
    public SaleExchange exchange() {
        return exchange;
    }

    /** Whether Escape has something to call off: held seats, or an exchange waiting for its new seats. */
    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    /**
     * Makes the next seats held here the new seats of an exchange for {@code given}; the answer says
     * why not (another sale is under way here, or the seats are of another performance).
     */
    public Optional<String> beginExchange(ExchangeCredit given) {
        if (!given.performanceId().equals(performanceId)) {
            return Optional.of("Seats are exchanged within one performance only: open the performance of order "
                    + given.shortReference() + " and press F8 again.");
        }
        if (step.get() == Step.HELD || activity.isBusy()) {
            return Optional.of("A sale is under way on this performance's tab: finish it, or press Esc there to give "
                    + "its seats back, then press F8 again.");
        }
        newSale();
        exchange.begin(given);
        say("Exchange for order " + given.shortReference() + ": hold the new seats (F3 for seats picked on the map, "
                + "F2 for best available). Esc calls the exchange off.", false);
        return Optional.empty();
    }

    public String currency() {
        Basket b = basket.get();
        return b == null ? "EUR" : b.currency();
    }

    public String format(long minor) {
        return Money.format(minor, currency());
    }

    /** Holds exactly these seats (all or none) and locks their prices. */
    public void holdSeats(List<String> seatIds) {
        if (seatIds.isEmpty()) {
            say("Pick seats on the map first (click them, or Shift+drag around them).", true);
            return;
        }
        start(new SeatSelection.Seats(seatIds));
    }

    /** Holds the best {@code count} seats together in a tier (null: any), some of them wheelchair spaces. */
    public void holdBest(int count, String category, int wheelchairSpaces) {
        if (count < 1 || count > 20) {
            say("Choose between 1 and 20 seats.", true);
            return;
        }
        if (wheelchairSpaces < 0 || wheelchairSpaces > count) {
            say("Wheelchair spaces must be between 0 and the number of seats.", true);
            return;
        }
        start(new SeatSelection.BestAvailable(count, category, wheelchairSpaces));
    }

    private void start(SeatSelection selection) {
        if (step.get() == Step.HELD) {
            say("Finish or cancel the seats in the basket first.", true);
            return;
        }
        HoldRequest request = new HoldRequest(performanceId, terminalId + ":" + UUID.randomUUID(), seller.get(), null,
                channel, terminalId, selection);
        activity.run(() -> sales.start(request), started -> {
            receipt.set(null);
            ticketFile.set(null);
            exchange.newSeats();
            dueMinor.set(exchange.dueMinor(started));
            secondsLeft.set(secondsUntil(started.hold().expiresAt()));
            basket.set(started);
            step.set(Step.HELD);
            ticker.play();
            say(started.seats().size() == 1 ? "1 seat held." : started.seats().size() + " seats held.", false);
        }, error -> say(holdRefused(error), true));
    }

    /** Offline, seats refused are seats this terminal may not sell on its own, not seats someone took. */
    private String holdRefused(Throwable error) {
        String offline = offlineSeats.get();
        boolean seatsRefused = error instanceof SeatUnavailableException || error instanceof NotEnoughSeatsException;
        return seatsRefused && !offline.isEmpty() ? offline : Problems.describe(error);
    }

    /** Gives the hold more time (as often as the performance allows). */
    public void extend() {
        Basket current = basket.get();
        if (current == null || step.get() != Step.HELD) {
            return;
        }
        activity.run(() -> holds.extend(current.hold().holdId(), current.hold().token()), extended -> {
            basket.set(new Basket(current.orderId(), extended, current.seats(), current.totalMinor(), current.currency()));
            tick();
            say("Hold extended to " + minutesSeconds(secondsLeft.get()) + ".", false);
        });
    }

    /** Gives the held seats back and empties the basket; calls off an exchange, which leaves its order as it was. */
    public void cancel() {
        Basket current = basket.get();
        if (current == null || step.get() != Step.HELD) {
            if (step.get() == Step.PICKING && exchange.isOn() && !activity.isBusy()) {
                endExchange();
            }
            return;
        }
        activity.run(() -> {
            sales.cancel(current.orderId());
            return current;
        }, cancelled -> {
            clear();
            if (exchange.isOn()) {
                endExchange();
            } else {
                say("Sale cancelled; the seats are back on sale.", false);
            }
        });
    }

    private void endExchange() {
        String reference = exchange.credit().shortReference();
        exchange.end();
        say("Exchange called off: order " + reference + " is as it was, and any new seats are back on sale.", false);
    }

    /** Takes cash for everything still due; {@code tenderedMinor} is what the buyer handed over. */
    public void payCash(long tenderedMinor) {
        long due = dueMinor.get();
        if (tenderedMinor < due) {
            say("That is less than the " + format(due) + " due. Take more cash or pay part by card.", true);
            return;
        }
        pay(List.of(new Tender.Cash(due, tenderedMinor)));
    }

    /** Charges everything still due to a card. */
    public void payCard(SimulatedOutcome outcome) {
        pay(List.of(new Tender.Card(dueMinor.get(), outcome)));
    }

    /** Takes {@code cashMinor} in cash (from {@code tenderedMinor} handed over) and the rest by card. */
    public void paySplit(long cashMinor, long tenderedMinor, SimulatedOutcome outcome) {
        long due = dueMinor.get();
        if (cashMinor <= 0 || cashMinor >= due) {
            say("The cash part must be more than nothing and less than the " + format(due) + " due.", true);
            return;
        }
        if (tenderedMinor < cashMinor) {
            say("Less cash was handed over than the cash part.", true);
            return;
        }
        pay(List.of(new Tender.Cash(cashMinor, tenderedMinor), new Tender.Card(due - cashMinor, outcome)));
    }

    private void pay(List<Tender> tenders) {
        Basket current = basket.get();
        if (current == null || step.get() != Step.HELD) {
            say("Hold seats first.", true);
            return;
        }
        if (exchange.isOn()) {
            exchangeFor(current, dueMinor.get() > 0 ? tenders : List.of());
            return;
        }
        say("Taking payment...", false);
        activity.run(() -> withTickets(sales.pay(current.orderId(), tenders)), paid -> {
            String done = paid.receipt().changeMinor() > 0
                    ? "Paid. Give " + format(paid.receipt().changeMinor()) + " change."
                    : "Paid. Tickets are ready.";
            showPaid(paid, done);
        }, error -> {
            if (error instanceof PaymentDeclinedException declined) {
                dueMinor.set(declined.stillDueMinor());
                say(Problems.describe(error) + " Still due: " + format(declined.stillDueMinor()) + ".", true);
            } else {
                say(Problems.describe(error), true);
                if (!isStillHeld(error)) {
                    clear();
                }
            }
        });
    }

    /**
     * Finishes the exchange when the new seats cost no more than the seats given back (the rest goes
     * back to the buyer); when they cost more, the difference is taken by {@link #payCash},
     * {@link #payCard} or {@link #paySplit}, which finish it too.
     */
    public void confirmExchange() {
        Basket current = basket.get();
        if (!exchange.isOn() || current == null || step.get() != Step.HELD) {
            say("Hold the new seats first (F3 for seats picked on the map, F2 for best available).", true);
            return;
        }
        if (dueMinor.get() > 0) {
            say(format(dueMinor.get()) + " is to pay first: take cash (F9), card (F10) or both (F11).", true);
            return;
        }
        exchangeFor(current, List.of());
    }

    private void exchangeFor(Basket current, List<Tender> tenders) {
        ExchangeRequest request = exchange.request(current, tenders, seller.get(), terminalId);
        say("Exchanging...", false);
        activity.run(() -> {
            ExchangeReceipt done = sales.exchange(request);
            return new Exchanged(done, withTickets(done.newOrder()));
        }, exchanged -> showPaid(exchanged.paid(), SaleExchange.doneText(exchanged.receipt())), error -> {
            say(exchange.describe(error), true);
            if (error instanceof ExchangeFailedException) {
                // called off: the core gave the new seats back; the seats given back can pay for others
                clear();
            }
        });
    }

    private record Exchanged(ExchangeReceipt receipt, Paid paid) {
    }

    /** The sale is complete here: a ticket file that cannot be written is reported, not a failed sale. */
    private Paid withTickets(SaleReceipt done) {
        try {
            return new Paid(done, tickets == null ? null : tickets.save(done), null);
        } catch (RuntimeException e) {
            return new Paid(done, null, e.getMessage());
        }
    }

    private void showPaid(Paid paid, String done) {
        ticker.stop();
        receipt.set(paid.receipt());
        ticketFile.set(paid.file());
        dueMinor.set(0);
        step.set(Step.PAID);
        say(paid.ticketProblem() == null ? done : done + " " + paid.ticketProblem(), paid.ticketProblem() != null);
    }

    private record Paid(SaleReceipt receipt, Path file, String ticketProblem) {
    }

    private static boolean isStillHeld(Throwable error) {
        return !(error instanceof com.boxoffice.core.sale.SaleFailedException);
    }

    /** Prints the finished sale's tickets; the answer comes back as the message. */
    public void printTickets() {
        Path file = ticketFile.get();
        if (file == null) {
            say("There are no saved tickets to print yet.", true);
            return;
        }
        activity.run(() -> TicketPrinting.print(file), answer -> say(answer.message(), !answer.printed()));
    }

    /** After a finished sale: an empty basket for the next buyer. */
    public void newSale() {
        if (step.get() == Step.PAID) {
            clear();
            exchange.end();
            receipt.set(null);
            ticketFile.set(null);
            say("", false);
        }
    }

    /** Forgets the last message: the buyer has moved on to another way of choosing seats. */
    public void clearMessage() {
        if (!activity.isBusy()) {
            say("", false);
        }
    }

    private void clear() {
        ticker.stop();
        basket.set(null);
        dueMinor.set(0);
        secondsLeft.set(0);
        step.set(Step.PICKING);
    }

    private void tick() {
        Basket current = basket.get();
        if (current == null || step.get() != Step.HELD) {
            return;
        }
        long left = secondsUntil(current.hold().expiresAt());
        secondsLeft.set(left);
        if (left == 0 && !activity.isBusy()) {
            clear();
            say("The hold ran out and the seats went back on sale. Pick the seats again.", true);
        }
    }

    private long secondsUntil(java.time.Instant end) {
        return Math.max(0, java.time.Duration.between(clock.instant(), end).toSeconds());
    }

    private void say(String text, boolean isProblem) {
        activity.say(text, isProblem);
    }

    public static String minutesSeconds(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops the countdown; an unfinished sale's seats are given back. */
    @Override
    public void close() {
        ticker.stop();
        Basket current = basket.get();
        if (current != null && step.get() == Step.HELD) {
            Fx.inBackground(() -> {
                sales.cancel(current.orderId());
                return null;
            }, ignored -> {
            }, error -> {
            });
        }
    }
}
