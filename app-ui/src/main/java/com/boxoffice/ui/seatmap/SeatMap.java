package com.boxoffice.ui.seatmap;

import java.util.Arrays;

import com.boxoffice.core.hold.SeatChange;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A venue's seat map, coloured by seat state: free seats in their price category's colour, held,
 * sold, blocked and allocated seats in colours of their own. Drawn on a canvas by
 * {@link SeatMapSkin}; live changes repaint only the seats they touch.
 *
 * <p>Call from the FX thread. States are the one-character codes of
 * {@link com.boxoffice.core.hold.SeatState}, indexed like the seats of {@link SeatMapData}.
 */
public class SeatMap extends Control {

    /** Told which seats changed (null: everything, redraw all). */
    interface Repaint {
        void seats(int[] changed);
    }

    private final ObjectProperty<SeatMapData> data = new SimpleObjectProperty<>(this, "data");
    private char[] states = new char[0];
    private Repaint repaint = changed -> {
    };

    public SeatMap() {
        getStyleClass().add("seat-map");
        setFocusTraversable(true);
        data.addListener((obs, old, now) -> {
            states = new char[now == null ? 0 : now.size()];
            Arrays.fill(states, '.');
            repaint.seats(null);
        });
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

    /** Replaces every seat's state (a snapshot). */
    public void setStates(String codes) {
        if (codes.length() != states.length) {
            throw new IllegalArgumentException("Expected " + states.length + " seat states, got " + codes.length());
        }
        states = codes.toCharArray();
        repaint.seats(null);
    }

    /** Applies one change-feed entry, repainting only its seats. */
    public void apply(SeatChange change) {
        int[] seats = change.seatIndexes();
        for (int i = 0; i < seats.length; i++) {
            states[seats[i]] = change.states().charAt(i);
        }
        repaint.seats(seats);
    }

    /** State code of one seat. */
    public char stateOf(int seat) {
        return states[seat];
    }

    void onRepaint(Repaint repaint) {
        this.repaint = repaint;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SeatMapSkin(this);
    }
}
