package com.boxoffice.ui.seatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.PriceCategory;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A venue's seat map. Seats show their state by shape and colour (see {@link SeatMapLegend}): free
 * seats in their price category's colour, seats held by this client apart from seats held by
 * others, sold, blocked and allocated seats each in a shape of their own. Zoomed out, where seats
 * would be only a few pixels, each section is drawn as one shape filled by how full it is. Drawn
 * by {@link SeatMapSkin}; live changes repaint only what they touch.
 *
 * <p>Mouse: drag pans, the wheel zooms, a click toggles a seat's selection, Shift+drag selects
 * every selectable seat in the rectangle, hovering shows the seat's details. Touch: pinch zooms,
 * a swipe pans, a tap selects. Keyboard (Tab into the map): the arrow keys move the seat cursor to
 * the nearest seat in that direction (the view follows it), Space or Enter toggles the cursor seat,
 * Escape clears the selection, Ctrl+arrows pan, + and - zoom, 0 shows the whole house.
 *
 * <p>Call from the FX thread. States are the one-character codes of
 * {@link com.boxoffice.core.hold.SeatState}, indexed like the seats of {@link SeatMapData}.
 */
public class SeatMap extends Control {

    /** Told what to draw again. */
    interface Repaint {
        /** These seats changed (null: every seat, redraw all). */
        void seats(int[] changed);

        /** New data: show the whole house anew. */
        void data();
    }

    private final ObjectProperty<SeatMapData> data = new SimpleObjectProperty<>(this, "data");
    private final DoubleProperty smallestPick = new SimpleDoubleProperty(this, "smallestPick", 0);
    private final ObservableSet<Integer> selection = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<Integer> selectionView = FXCollections.unmodifiableObservableSet(selection);
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(this, "seatCursor", -1);
    private final BitSet mine = new BitSet();
    private IntPredicate selectable = seat -> stateOf(seat) == '.';
    private Map<String, String> prices = Map.of();
    private char[] states = new char[0];
    private int[] sectionTaken = new int[0];
    private Repaint repaint = new Repaint() {
        @Override
        public void seats(int[] changed) {
        }

        @Override
        public void data() {
        }
    };

    public SeatMap() {
        getStyleClass().add("seat-map");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        setAccessibleRoleDescription("Seat map");
        data.addListener((obs, old, now) -> {
            states = new char[now == null ? 0 : now.size()];
            Arrays.fill(states, '.');
            sectionTaken = new int[now == null ? 0 : now.sectionCount()];
            selection.clear();
            mine.clear();
            cursor.set(-1);
            repaint.data();
        });
        selection.addListener((SetChangeListener<Integer>) change -> repaint.seats(
                new int[] {change.wasAdded() ? change.getElementAdded() : change.getElementRemoved()}));
        cursor.addListener((obs, old, now) -> setAccessibleText(now.intValue() < 0 ? null : describe(now.intValue())));
    }

    public ObjectProperty<SeatMapData> dataProperty() {
        return data;
    }

    public SeatMapData getData() {
        return data.get();
    }

    public void setData(SeatMapData value) {
        data.set(value);
    }

    /**
     * Seats drawn smaller than this many pixels are too small to pick with a finger: a click or tap
     * among them zooms in around it until they are this big, and the next one picks. 0 (the default):
     * a seat is picked at any size it is drawn.
     */
    public DoubleProperty smallestPickProperty() {
        return smallestPick;
    }

    public double getSmallestPick() {
        return smallestPick.get();
    }

    public void setSmallestPick(double pixels) {
        smallestPick.set(pixels);
    }

    /** Replaces every seat's state (a snapshot). */
    public void setStates(String codes) {
        if (codes.length() != states.length) {
            throw new IllegalArgumentException("Expected " + states.length + " seat states, got " + codes.length());
        }
        states = codes.toCharArray();
        SeatMapData d = getData();
        Arrays.fill(sectionTaken, 0);
        for (int i = 0; i < states.length; i++) {
            if (states[i] != '.') {
                sectionTaken[d.sectionOf(i)]++;
            }
        }
        selection.removeIf(seat -> !selectable.test(seat));
        repaint.seats(null);
    }

    /** Applies one change-feed entry, repainting only its seats; selected seats it takes drop out of the selection. */
    public void apply(SeatChange change) {
        int[] seats = change.seatIndexes();
        SeatMapData d = getData();
        for (int i = 0; i < seats.length; i++) {
            int seat = seats[i];
            char now = change.states().charAt(i);
            if ((states[seat] == '.') != (now == '.')) {
                sectionTaken[d.sectionOf(seat)] += now == '.' ? -1 : 1;
            }
            states[seat] = now;
        }
        repaint.seats(seats);
        for (int seat : seats) {
            if (selection.contains(seat) && !selectable.test(seat)) {
                selection.remove(seat);
            }
        }
    }

    /** State code of one seat. */
    public char stateOf(int seat) {
        return states[seat];
    }

    /** How many seats of the section are not available (held, sold, blocked or allocated). */
    public int takenIn(int section) {
        return sectionTaken[section];
    }

    // ---- held by this client

    /** Marks the seats this client holds, drawn apart from seats held by others; replaces the previous set. */
    public void setMine(Collection<Integer> seatIndexes) {
        List<Integer> touched = new ArrayList<>();
        mine.stream().forEach(touched::add);
        mine.clear();
        for (int seat : seatIndexes) {
            mine.set(seat);
            touched.add(seat);
        }
        repaint.seats(touched.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether the seat is one of this client's own hold. */
    public boolean isMine(int seat) {
        return mine.get(seat);
    }

    // ---- selection

    /** The selected seats (read-only; change it with the methods below or by clicking). */
    public ObservableSet<Integer> getSelection() {
        return selectionView;
    }

    /** Adds the seats to the selection, leaving out any that are not selectable. */
    public void select(int... seats) {
        for (int seat : seats) {
            if (selectable.test(seat)) {
                selection.add(seat);
            }
        }
    }

    public void deselect(int... seats) {
        for (int seat : seats) {
            selection.remove(seat);
        }
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Selects the seat if it is selectable and not selected, else deselects it; true if it is now selected. */
    public boolean toggleSelection(int seat) {
        if (selection.remove(seat)) {
            return false;
        }
        select(seat);
        return selection.contains(seat);
    }

    /** Which seats may be selected (by default the available ones); selected seats it now refuses drop out. */
    public void setSelectable(IntPredicate selectable) {
        this.selectable = selectable;
        selection.removeIf(seat -> !selectable.test(seat));
    }

    public boolean isSelectable(int seat) {
        return selectable.test(seat);
    }

    // ---- keyboard cursor

    /** The seat the keyboard cursor is on, or -1. */
    public ReadOnlyIntegerProperty seatCursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public int getSeatCursor() {
        return cursor.get();
    }

    /** Puts the keyboard cursor on a seat (-1: none); the view scrolls to show it. */
    public void setSeatCursor(int seat) {
        if (seat < -1 || seat >= states.length) {
            throw new IllegalArgumentException("No seat " + seat + " in a map of " + states.length);
        }
        int old = cursor.get();
        cursor.set(seat);
        repaint.seats(java.util.stream.IntStream.of(old, seat).filter(i -> i >= 0).toArray());
    }

    // ---- texts

    /** Price texts by price category code (e.g. "A" -> "£45.00"), shown in tooltips. */
    public void setPrices(Map<String, String> pricesByCategory) {
        this.prices = Map.copyOf(pricesByCategory);
    }

    public Map<String, String> getPrices() {
        return prices;
    }

    /** What a seat is, in words: section, row, number, price, accessibility and state (tooltip and screen reader). */
    public String describe(int seat) {
        SeatMapData d = getData();
        StringBuilder out = new StringBuilder();
        out.append(d.sectionName(d.sectionOf(seat))).append(", row ").append(d.rowLabel(seat))
                .append(", seat ").append(d.number(seat));
        PriceCategory category = d.categoryOf(seat);
        out.append('\n').append(category.name());
        String price = prices.get(category.code());
        if (price != null) {
            out.append(" - ").append(price);
        }
        for (Accessibility a : d.access(seat)) {
            out.append('\n').append(switch (a) {
                case WHEELCHAIR -> "Wheelchair space";
                case COMPANION -> "Companion seat";
                case RESTRICTED_VIEW -> "Restricted view";
                case AISLE -> "Aisle seat";
            });
        }
        out.append('\n').append(stateName(seat));
        if (selection.contains(seat)) {
            out.append(", selected");
        }
        return out.toString();
    }

    /** The state of a seat in words. */
    public String stateName(int seat) {
        return switch (kindOf(seat)) {
            case AVAILABLE -> "Available";
            case HELD_BY_ME -> "Held by you";
            case HELD -> "Held";
            case SOLD -> "Sold";
            case BLOCKED -> "Blocked";
            case ALLOCATED -> "Allocated to a terminal";
        };
    }

    SeatShapes.Kind kindOf(int seat) {
        return switch (states[seat]) {
            case 'H' -> mine.get(seat) ? SeatShapes.Kind.HELD_BY_ME : SeatShapes.Kind.HELD;
            case 'S' -> SeatShapes.Kind.SOLD;
            case 'B' -> SeatShapes.Kind.BLOCKED;
            case 'A' -> SeatShapes.Kind.ALLOCATED;
            default -> mine.get(seat) ? SeatShapes.Kind.HELD_BY_ME : SeatShapes.Kind.AVAILABLE;
        };
    }

    boolean isSelected(int seat) {
        return selection.contains(seat);
    }

    void onRepaint(Repaint repaint) {
        this.repaint = repaint;
    }

    @Override
    public String getUserAgentStylesheet() {
        return SeatMap.class.getResource("seat-map.css").toExternalForm();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SeatMapSkin(this);
    }
}
