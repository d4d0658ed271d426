package com.boxoffice.ui.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncConflict;
import com.boxoffice.core.sync.SyncRefusedException;
import com.boxoffice.core.sync.SyncUnavailableException;
import com.boxoffice.ui.boxoffice.FindOrderViewModel;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.common.Problems;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sync server's conflicts for the manager signed in: sales from terminals that found their
 * seats taken, and the manager's decision on each (keep the new seats, refund the buyer, or move
 * them to seats the manager names). Every call goes to the sync server in the background, under
 * the manager's staff id. Call from the FX thread.
 */
public class ConflictsViewModel {

    static final String ACCEPT_RESEAT = "ACCEPT_RESEAT";
    static final String REFUND = "REFUND";
    static final String MOVE = "MOVE";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final SyncClient server;
    private final String staffId;
    private final FindOrderViewModel.Names names;
    private final Function<String, List<String>> mapSelection;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<ConflictRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConflictRow> selected = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showResolved = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper listStatus = new ReadOnlyStringWrapper("Asking the sync server\u2026");
    private final ReadOnlyBooleanWrapper listProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper decisions = new ReadOnlyIntegerWrapper();
    private final Activity activity = new Activity();
    private boolean loading;
    private boolean loadedOnce;
    private boolean reloadAfter;
    /** True while the list is being replaced: the table's passing selections are not the manager's. */
    private boolean replacing;

    /**
     * @param server       the sync server, with this terminal's (a manager terminal's) credential
     * @param staffId      the manager signed in: the server records decisions under this id
     * @param names        performance and seat names from this client's catalog
     * @param mapSelection the seats selected on a performance's open map, by performance id
     */
    public ConflictsViewModel(SyncClient server, String staffId, FindOrderViewModel.Names names,
                              Function<String, List<String>> mapSelection, Clock clock, ZoneId zone) {
        this.server = server;
        this.staffId = staffId;
        this.names = names;
        this.mapSelection = mapSelection;
        this.clock = clock;
        this.zone = zone;
        showResolved.addListener((obs, was, is) -> refresh());
    }

    /** Open conflicts, oldest first, then (when shown) resolved ones, latest decision first. */
    public ObservableList<ConflictRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyObjectProperty<ConflictRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether resolved conflicts are listed too. */
    public BooleanProperty showResolvedProperty() {
        return showResolved;
    }

    /** Open conflicts at the last refresh. */
    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** How the list stands: when it was read, or why it could not be. */
    public ReadOnlyStringProperty listStatusProperty() {
        return listStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty listProblemProperty() {
        return listProblem.getReadOnlyProperty();
    }

    /** Decisions the server took from this screen: the form is cleared after each. */
    public ReadOnlyIntegerProperty decisionsProperty() {
        return decisions.getReadOnlyProperty();
    }

    /** What the last decision did, or what went wrong and what to do next. */
    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return activity.problemProperty();
    }

    /** A decision is on its way to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public void select(ConflictRow row) {
        if (!replacing) {
            selected.set(row);
        }
    }

    /** Reads the list again from the sync server, in the background. */
    public void refresh() {
        if (loading) {
            reloadAfter = true;
            return;
        }
        loading = true;
        boolean withResolved = showResolved.get();
        Fx.inBackground(() -> load(withResolved), loaded -> {
            loading = false;
            show(loaded, withResolved);
            again();
        }, error -> {
            loading = false;
            listProblem.set(true);
            listStatus.set(describe(error, "read the conflicts") + (rows.isEmpty() ? ""
                    : " The list shows what the server said at its last answer."));
            again();
        });
    }

    private void again() {
        if (reloadAfter) {
            reloadAfter = false;
            refresh();
        }
    }

    private record Loaded(List<SyncConflict> open, List<SyncConflict> resolved) {
    }

    private Loaded load(boolean withResolved) {
        List<SyncConflict> open = server.conflicts("OPEN", staffId);
        List<SyncConflict> resolved = withResolved ? server.conflicts("RESOLVED", staffId) : List.of();
        return new Loaded(open, resolved.stream()
                .sorted(Comparator.comparing(SyncConflict::resolvedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    private void show(Loaded loaded, boolean withResolved) {
        Instant now = clock.instant();
        List<ConflictRow> all = new ArrayList<>();
        loaded.open().forEach(c -> all.add(row(c, now)));
        loaded.resolved().forEach(c -> all.add(row(c, now)));
        String keep = selected.get() == null ? null : selected.get().id();
        replacing = true;
        try {
            rows.setAll(all);
        } finally {
            replacing = false;
        }
        // the first conflict is chosen on the first load only: after a decision nothing is chosen until the
        // manager chooses, so a key pressed twice never decides a second conflict
        selected.set(all.stream().filter(r -> r.id().equals(keep)).findFirst()
                .orElse(!loadedOnce && !all.isEmpty() ? all.getFirst() : null));
        loadedOnce = true;
        openCount.set(loaded.open().size());
        listProblem.set(false);
        String read = "Read from the sync server at " + TIME.format(now.atZone(zone)) + "; F5 reads it again.";
        int open = loaded.open().size();
        listStatus.set((open == 0 ? "No open conflicts" : open == 1 ? "1 open conflict" : open + " open conflicts")
                + (withResolved ? ", " + loaded.resolved().size() + " resolved" : "") + ". " + read);
    }

    private ConflictRow row(SyncConflict c, Instant now) {
        boolean open = "OPEN".equals(c.status());
        return new ConflictRow(c, names.performance(c.performanceId()), OrderLookup.shortReference(c.orderId()),
                String.join(", ", c.wantedSeats()), takenBy(c), serverDid(c),
                c.newSeats().isEmpty() ? "none" : String.join(", ", c.newSeats()),
                c.createdAt() == null ? "" : age(Duration.between(c.createdAt(), now)),
                open ? "" : decision(c.action()), open || c.resolvedBy() == null ? "" : c.resolvedBy(),
                open || c.resolvedAt() == null ? "" : WHEN.format(c.resolvedAt().atZone(zone)));
    }

    private static String takenBy(SyncConflict c) {
        List<String> lines = new ArrayList<>();
        for (SyncConflict.TakenSeat seat : c.takenBy()) {
            String state = seat.state() == null ? "taken" : seat.state().toLowerCase(Locale.ROOT);
            lines.add(seat.seatId() + " " + state + (seat.orderId() == null ? ""
                    : ", order " + OrderLookup.shortReference(seat.orderId())));
        }
        return lines.isEmpty() ? "taken" : String.join("; ", lines);
    }

    private static String serverDid(SyncConflict c) {
        return switch (String.valueOf(c.resolution())) {
            case "RESEATED" -> "Re-seated";
            case "REFUND_DUE" -> "Refund due: no seats left";
            default -> String.valueOf(c.resolution());
        };
    }

    static String decision(String action) {
        return switch (String.valueOf(action)) {
            case ACCEPT_RESEAT -> "Kept the new seats";
            case REFUND -> "Refunded";
            case MOVE -> "Moved";
            default -> String.valueOf(action);
        };
    }

    /** "just now", "12 min", "3 h 5 min", "2 days". */
    static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long days = minutes / (24 * 60);
        return days == 1 ? "1 day" : days + " days";
    }

    /** "Stalls, row A, seat 7 (STALLS-A-7)", one seat a line. */
    public String seatNames(ConflictRow row, List<String> seatIds) {
        if (seatIds.isEmpty()) {
            return "none";
        }
        List<String> lines = new ArrayList<>();
        for (String seatId : seatIds) {
            String name = names.seat(row.conflict().performanceId(), seatId);
            lines.add(name.equals(seatId) ? seatId : name + " (" + seatId + ")");
        }
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------ decisions

    /** The buyer keeps the seats the server gave them. */
    public void keepNewSeats(String note) {
        ConflictRow row = openSelection();
        if (row == null) {
            return;
        }
        if (!row.reseated()) {
            activity.say("The buyer of order " + row.order() + " was not re-seated: there are no new seats to keep. "
                    + "Refund the buyer (F7) or move them to free seats (F8).", true);
            return;
        }
        decide(row, ACCEPT_RESEAT, List.of(), note, "Order " + row.order() + ": the buyer keeps " + row.seatsNow()
                + ". Conflict resolved.");
    }

    /** The buyer's order is refunded and the seats they hold go back on sale. */
    public void refund(String note) {
        ConflictRow row = openSelection();
        if (row == null) {
            return;
        }
        decide(row, REFUND, List.of(), note, "Order " + row.order() + " is refunded"
                + (row.conflict().newSeats().isEmpty() ? "" : " and " + row.seatsNow() + " are on sale again")
                + ". Pay the buyer back and tell them their tickets are void.");
    }

    /** The buyer moves to the seats typed: ids separated by commas (or spaces). */
    public void move(String seatsTyped, String note) {
        ConflictRow row = openSelection();
        if (row == null) {
            return;
        }
        List<String> seats = parseSeats(seatsTyped);
        if (seats.isEmpty()) {
            activity.say("Type the seats to move the buyer to, separated by commas (e.g. STALLS-F-11, STALLS-F-12), "
                    + "or select them on the performance's map and press F9.", true);
            return;
        }
        decide(row, MOVE, seats, note, "Order " + row.order() + " moved to " + String.join(", ", seats)
                + ". Conflict resolved; give the buyer tickets for these seats.");
    }

    /**
     * The seats selected on the chosen conflict's performance map, for the seats field.
     *
     * @return the seat ids, comma separated; null when there are none (the message says why)
     */
    public String seatsFromMap() {
        ConflictRow row = selected.get();
        if (row == null) {
            activity.say("Pick a conflict in the list first (arrow keys or a click).", true);
            return null;
        }
        List<String> seats = mapSelection.apply(row.conflict().performanceId());
        if (seats.isEmpty()) {
            activity.say("No seats are selected on the map of " + row.performance() + ". Open it from the "
                    + "Performances tab, select the seats on its map, come back here and press F9 again.", true);
            return null;
        }
        activity.say(seats.size() + (seats.size() == 1 ? " seat" : " seats") + " taken from the map. "
                + "Press F8 to move the buyer there.", false);
        return String.join(", ", seats);
    }

    static List<String> parseSeats(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private ConflictRow openSelection() {
        ConflictRow row = selected.get();
        if (row == null) {
            activity.say("Pick a conflict in the list first (arrow keys or a click).", true);
            return null;
        }
        if (!row.open()) {
            activity.say("The conflict of order " + row.order() + " was resolved already ("
                    + decision(row.conflict().action()).toLowerCase(Locale.ROOT) + " by " + row.resolvedBy()
                    + "). Pick an open one.", true);
            return null;
        }
        if (activity.isBusy()) {
            return null;
        }
        return row;
    }

    private void decide(ConflictRow row, String action, List<String> seats, String note, String done) {
        String kept = note == null || note.isBlank() ? null : note.strip();
        activity.run(() -> server.resolve(row.id(), action, seats, kept, staffId), resolved -> {
            activity.say(done, false);
            decisions.set(decisions.get() + 1);
            refresh();
        }, error -> {
            activity.say(describe(error, "decide", row), true);
            refresh();
        });
    }

    /** What went wrong talking to the sync server, and what to do next. */
    String describe(Throwable error, String doing) {
        return describe(error, doing, null);
    }

    /** "1 seat in tier A", from what the buyer holds now (always as many, of the same tiers, as they paid for). */
    private static String paid(ConflictRow row) {
        if (row == null) {
            return "see the order";
        }
        int seats = Math.max(row.conflict().newSeats().size(), row.conflict().wantedSeats().size());
        return seats + (seats == 1 ? " seat" : " seats") + " in tier " + row.conflict().category();
    }

    private String describe(Throwable error, String doing, ConflictRow conflict) {
        if (error instanceof SyncUnavailableException) {
            return "The sync server cannot be reached or is too busy, so nothing was " + (doing.equals("decide")
                    ? "decided" : "read") + ". Check the network; the list tries again every 10 seconds, and F5 tries at once.";
        }
        if (!(error instanceof SyncRefusedException refused)) {
            return Problems.describe(error);
        }
        String detail = refused.detail() == null ? "" : refused.detail().strip();
        String said = detail.isEmpty() ? "" : detail.endsWith(".") ? detail + " " : detail + ". ";
        String type = String.valueOf(refused.problemType());
        return switch (refused.status()) {
            case 401 -> "The sync server does not accept this terminal's credential (" + detail + "). Register this "
                    + "terminal there as a manager terminal and set boxoffice.client.sync-credential to the credential "
                    + "it gives.";
            case 403 -> detail.endsWith("is not an active manager.")
                    ? "The sync server does not know " + staffId + " as an active manager, so it " + (doing.equals("decide")
                    ? "took no decision" : "shows no conflicts") + ". Ask whoever runs the sync server to add "
                    + staffId + " there as a manager, or sign in as a manager it knows."
                    : detail.startsWith("Only a manager terminal")
                    ? "This terminal is not a manager terminal on the sync server. Register it there as a manager "
                    + "terminal and set boxoffice.client.sync-credential to the credential it gives."
                    : "The sync server refused this terminal: " + said + "Call whoever runs the sync server.";
            case 404 -> "The sync server has no such conflict. Press F5 to read the list again.";
            case 409 -> switch (type) {
                case "seat-unavailable" -> "Some of those seats are not free (" + detail + "). Pick free seats of the "
                        + "same price category on the map and try again.";
                case "conflict-resolved" -> said + "Press F5 to see how it stands now.";
                default -> said + "Press F5 to see how the conflict stands now, then decide again.";
            };
            case 400 -> switch (type) {
                case "not-equivalent" -> "Those seats are not what the buyer paid for: a move takes as many seats "
                        + "of each price tier as the order has (" + paid(conflict) + "). Pick free seats of that tier "
                        + "and try again.";
                case "unknown-seat", "seat-twice", "seats-required" -> said + "Correct the seats and press F8 again.";
                default -> "The sync server did not take that: " + said + "Check the seats and the note, then try again.";
            };
            default -> "The sync server refused (" + refused.status() + "): " + said + "Try again; if it keeps "
                    + "happening, call whoever runs the sync server.";
        };
    }
}
