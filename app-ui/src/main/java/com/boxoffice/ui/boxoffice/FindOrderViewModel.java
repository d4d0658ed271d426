package com.boxoffice.ui.boxoffice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.sale.InvalidSaleRequestException;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.OrderNotRefundableException;
import com.boxoffice.core.sale.OrderView;
import com.boxoffice.core.sale.RefundIdReusedException;
import com.boxoffice.core.sale.RefundReceipt;
import com.boxoffice.core.sale.RefundRequest;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.SeatAlreadyRefundedException;
import com.boxoffice.core.sale.SeatNotInOrderException;
import com.boxoffice.core.sale.UnknownOrderException;
import com.boxoffice.core.ticket.TicketStatus;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Problems;
import com.boxoffice.ui.demo.DemoCatalog;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finding an order when a buyer comes back to the window (by the reference printed on the ticket,
 * the order id or a ticket id), and giving some of its seats back for money, or for other seats of
 * the same performance (the exchange is finished on that performance's sale screen). Every call to
 * the core runs in the background; results and problems come back as properties. Call its methods
 * from the FX thread.
 */
public class FindOrderViewModel {

    /** How the window names performances and seats, rather than by id. */
    public interface Names {

        /** "Hamlet, Royal Theatre", or the id when the performance is not known here. */
        String performance(String performanceId);

        /** When the performance starts, or {@code null} when not known here. */
        Instant startsAt(String performanceId);

        /** "Stalls, row F, seat 12", or the seat id when not known here. */
        String seat(String performanceId, String seatId);
    }

    /** Where an exchange goes on once the seats given back are known: the sale screen of their performance. */
    public interface Exchanges {

        /** Shows that sale, ready to hold the new seats; the answer says why it cannot. */
        Optional<String> start(ExchangeCredit given);
    }

    /** Written on an exchange when the clerk gives no reason: the buyer's wish is the reason. */
    static final String EXCHANGE_REASON = "Buyer chose other seats";

    /** A seat of the order shown, with whether the clerk has ticked it for a refund. */
    public static final class SeatChoice {
        private final OrderView.SeatLine line;
        private final String name;
        private final BooleanProperty chosen = new SimpleBooleanProperty();

        SeatChoice(OrderView.SeatLine line, String name) {
            this.line = line;
            this.name = name;
        }

        public String seatId() {
            return line.seatId();
        }

        public String name() {
            return name;
        }

        public String category() {
            return line.category();
        }

        public long priceMinor() {
            return line.priceMinor();
        }

        /** "Live", "Refunded", or "No ticket" when none was issued. */
        public String ticketText() {
            TicketStatus status = line.ticketStatus();
            return status == null ? "No ticket" : status == TicketStatus.LIVE ? "Live" : "Refunded";
        }

        /** Only a live ticket can be given back. */
        public boolean refundable() {
            return line.ticketStatus() == TicketStatus.LIVE;
        }

        /** Ticked for the next refund. */
        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final OrderLookup lookup;
    private final SaleService sales;
    private final Names names;
    private final String terminalId;
    private final Supplier<String> actor;
    private final ZoneId zone;
    private final Exchanges exchanges;

    private final ObservableList<OrderView> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<OrderView> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SeatChoice> seats = FXCollections.observableArrayList();
    private final Activity activity = new Activity();
    private final ReadOnlyStringWrapper giveBack = new ReadOnlyStringWrapper("");

    /**
     * @param terminalId this terminal: any cash of a refund is handed back from its drawer
     * @param actor      who is signed in (written on each refund)
     * @param exchanges  where an exchange of the ticked seats is taken on
     */
    public FindOrderViewModel(OrderLookup lookup, SaleService sales, Names names, String terminalId,
                              Supplier<String> actor, ZoneId zone, Exchanges exchanges) {
        this.lookup = lookup;
        this.sales = sales;
        this.names = names;
        this.terminalId = terminalId;
        this.actor = actor;
        this.zone = zone;
        this.exchanges = exchanges;
        selected.addListener((obs, old, order) -> showSeats(order));
    }

    /** Names from the performances this terminal sells (its catalog), for {@link Names}. */
    public static Names names(DemoCatalog catalog, PerformanceSeatings seatings) {
        return new Names() {
            @Override
            public String performance(String performanceId) {
                return find(performanceId).map(p -> p.title() + ", " + catalog.venueName(p.venueId())).orElse(performanceId);
            }

            @Override
            public Instant startsAt(String performanceId) {
                return find(performanceId).map(Performance::startsAt).orElse(null);
            }

            @Override
            public String seat(String performanceId, String seatId) {
                return find(performanceId)
                        .map(p -> catalog.seatNames(p.venueId()).of(seatId))
                        .orElse(seatId);
            }

            private Optional<Performance> find(String performanceId) {
                try {
                    return Optional.of(seatings.seating(performanceId).performance());
                } catch (RuntimeException unknown) {
                    return Optional.empty();
                }
            }
        };
    }

    /** Orders the last search found, oldest first. */
    public ObservableList<OrderView> results() {
        return FXCollections.unmodifiableObservableList(results);
    }

    /** The order shown in detail, or null. */
    public ReadOnlyObjectProperty<OrderView> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The shown order's seats, to tick for a refund. */
    public ObservableList<SeatChoice> seats() {
        return FXCollections.unmodifiableObservableList(seats);
    }

    /** What happened, or what went wrong and what to do next. */
    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    /** Whether {@link #messageProperty()} reports a problem. */
    public ReadOnlyBooleanProperty problemProperty() {
        return activity.problemProperty();
    }

    /** After a refund: the money to hand over ("Give back €45.00 in cash"); empty otherwise. */
    public ReadOnlyStringProperty giveBackProperty() {
        return giveBack.getReadOnlyProperty();
    }

    /** A call to the core is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    /** Finds orders by short reference (any case), full order id or ticket id. */
    public void search(String text) {
        String query = text == null ? "" : text.strip();
        giveBack.set("");
        if (query.isEmpty()) {
            say("Type the reference printed on the ticket (8 characters), an order id or a ticket id, then press Enter.",
                    true);
            return;
        }
        activity.run(() -> find(query), found -> {
            results.setAll(found);
            if (found.isEmpty()) {
                selected.set(null);
                say("No order found for \"" + query + "\". Check the reference printed on the ticket (8 characters, "
                        + "e.g. 1A2B3C4D) or type the full order or ticket id.", true);
            } else if (found.size() == 1) {
                selected.set(found.getFirst());
                say("", false);
            } else {
                selected.set(null);
                say(found.size() + " orders share that reference. Pick the one whose performance and seats match the "
                        + "ticket.", false);
            }
        });
    }

    private List<OrderView> find(String query) {
        Map<String, OrderView> found = new LinkedHashMap<>();
        lookup.byOrderId(query.toLowerCase(Locale.ROOT)).ifPresent(o -> found.put(o.orderId(), o));
        lookup.byTicketId(query).or(() -> lookup.byTicketId(query.toLowerCase(Locale.ROOT)))
                .ifPresent(o -> found.putIfAbsent(o.orderId(), o));
        if (found.isEmpty()) {
            lookup.byShortReference(query).forEach(o -> found.putIfAbsent(o.orderId(), o));
        }
        return new ArrayList<>(found.values());
    }

    /** Shows one of the orders found. */
    public void select(OrderView order) {
        if (order != selected.get()) {
            selected.set(order);
            giveBack.set("");
            if (order != null && activity.isProblem()) {
                say("", false);
            }
        }
    }

    /**
     * Gives the ticked seats of the shown order back for money, with a new refund id each time, then
     * shows the money to hand over and the order as it now stands.
     */
    public void refundChosen(String reason) {
        OrderView order = selected.get();
        if (order == null) {
            say("Find the order first: type its reference and press Enter.", true);
            return;
        }
        List<String> seatIds = chosenSeatIds();
        if (seatIds.isEmpty()) {
            say("Tick the seats the buyer is giving back, then press F7.", true);
            return;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            say("Type why the seats are given back (for example \"cannot attend\") in the Reason field, then press F7.",
                    true);
            return;
        }
        giveBack.set("");
        RefundRequest request = new RefundRequest(UUID.randomUUID().toString(), order.orderId(), seatIds, why, actor.get(),
                terminalId);
        say("Refunding...", false);
        activity.run(() -> {
            RefundReceipt receipt = sales.refund(request);
            return new Refunded(receipt, lookup.byOrderId(order.orderId()).orElse(order));
        }, done -> {
            show(done.order());
            RefundReceipt r = done.receipt();
            giveBack.set(giveBackText(r));
            say((r.seatIds().size() == 1 ? "1 seat" : r.seatIds().size() + " seats") + " refunded ("
                    + Money.format(r.amountMinor(), r.currency()) + ")"
                    + (r.orderFullyRefunded() ? "; the whole order is now refunded." : "."), false);
        }, error -> {
            say(describe(error), true);
            refresh(order.orderId());
        });
    }

    private record Refunded(RefundReceipt receipt, OrderView order) {
    }

    private List<String> chosenSeatIds() {
        return seats.stream().filter(s -> s.refundable() && s.chosenProperty().get()).map(SeatChoice::seatId).toList();
    }

    /**
     * Starts exchanging the ticked seats of the shown order for other seats: once the order, read
     * again, still has them live, the sale screen of its performance takes the exchange on.
     */
    public void exchangeChosen(String reason) {
        OrderView order = selected.get();
        if (order == null) {
            say("Find the order first: type its reference and press Enter.", true);
            return;
        }
        List<String> seatIds = chosenSeatIds();
        if (seatIds.isEmpty()) {
            say("Tick the seats the buyer gives back for other seats, then press F8.", true);
            return;
        }
        String why = reason == null || reason.isBlank() ? EXCHANGE_REASON : reason.strip();
        giveBack.set("");
        activity.run(() -> lookup.byOrderId(order.orderId()).orElse(order), fresh -> startExchange(fresh, seatIds, why),
                error -> say(describe(error), true));
    }

    private void startExchange(OrderView order, List<String> seatIds, String why) {
        List<OrderView.SeatLine> given = order.seats().stream().filter(s -> seatIds.contains(s.seatId())).toList();
        if (given.size() != seatIds.size() || given.stream().anyMatch(s -> s.ticketStatus() != TicketStatus.LIVE)) {
            show(order);
            say("One of those seats was already given back (refunded or exchanged). The order below is as it stands "
                    + "now: tick only live seats, then press F8.", true);
            return;
        }
        long credit = given.stream().mapToLong(OrderView.SeatLine::priceMinor).sum();
        ExchangeCredit exchange = new ExchangeCredit(order.orderId(), order.shortReference(), order.performanceId(),
                seatIds, credit, order.currency(), why);
        exchanges.start(exchange).ifPresentOrElse(problem -> say(problem, true), () -> say("Exchange of order "
                + order.shortReference() + " started on the sale screen of " + names.performance(order.performanceId())
                + ": hold the new seats there.", false));
    }

    /** Shows the order again as it now stands (after a refund or exchange made on another screen). */
    public void reload() {
        OrderView order = selected.get();
        if (order != null && !activity.isBusy()) {
            // unchanged, it stays as it is, ticks and all
            Fx.inBackground(() -> lookup.byOrderId(order.orderId()), found -> found
                    .filter(now -> !now.equals(selected.get())).ifPresent(this::show), error -> {
            });
        }
    }

    /** What the clerk hands over, in the words to act on. */
    static String giveBackText(RefundReceipt r) {
        String cash = Money.format(r.cashBackMinor(), r.currency());
        String card = Money.format(r.cardRefundedMinor(), r.currency());
        if (r.cashBackMinor() > 0 && r.cardRefundedMinor() > 0) {
            return "Give back " + cash + " in cash; " + card + " refunded to the card";
        }
        if (r.cashBackMinor() > 0) {
            return "Give back " + cash + " in cash";
        }
        if (r.cardRefundedMinor() > 0) {
            return card + " refunded to the card; no cash to give back";
        }
        return "Nothing to give back";
    }

    private void refresh(String orderId) {
        Fx.inBackground(() -> lookup.byOrderId(orderId), found -> found.ifPresent(this::show), error -> {
        });
    }

    /** Shows the order as it now stands, in place of its older copy. */
    private void show(OrderView order) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).orderId().equals(order.orderId())) {
                results.set(i, order);
            }
        }
        selected.set(order);
    }

    private void showSeats(OrderView order) {
        List<SeatChoice> choices = new ArrayList<>();
        if (order != null) {
            for (OrderView.SeatLine line : order.seats()) {
                choices.add(new SeatChoice(line, names.seat(order.performanceId(), line.seatId())));
            }
        }
        seats.setAll(choices);
    }

    private static String describe(Throwable error) {
        return switch (error) {
            case SeatAlreadyRefundedException x ->
                    "One of those seats was already given back. The order below is as it stands now: tick only live seats.";
            case OrderNotRefundableException x ->
                    "This order is not a completed sale (or an exchange into it is under way), so no seat of it can be "
                            + "given back now. Ask the manager.";
            case SeatNotInOrderException x -> "One of those seats is not in this order. Search for the order again.";
            case UnknownOrderException x -> "This order is not in this terminal's journal. Search for it again.";
            case RefundIdReusedException x -> "That refund was already made. Search for the order again to see it.";
            case InvalidSaleRequestException x -> "The refund could not be made: " + x.getMessage()
                    + ". Tick live seats and type a reason, then press F7.";
            default -> Problems.describe(error);
        };
    }

    /** "EUR" amounts of the shown order, formatted for people. */
    public String format(long minor, String currency) {
        return Money.format(minor, currency);
    }

    /** "Hamlet, Royal Theatre" for the order's performance. */
    public String performanceName(OrderView order) {
        return names.performance(order.performanceId());
    }

    /** "Sat 14 Jun 2025, 19:00", or empty when the time is not known. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    public String startsAt(OrderView order) {
        return when(names.startsAt(order.performanceId()));
    }

    public String seatName(OrderView order, String seatId) {
        return names.seat(order.performanceId(), seatId);
    }


    private void say(String text, boolean isProblem) {
        activity.say(text, isProblem);
    }
}
