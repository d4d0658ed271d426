package com.boxoffice.ui.manager;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.ui.seatmap.SeatMapData;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Seats per state and per price category, kept up to date from the same snapshot and change feed
 * that draw the map (passed on to it): a change moves its seats from their old state's count to the
 * new one, so counting costs nothing per frame and nothing extra from Redis.
 */
public class LiveCounts implements SeatMapViewModel.Display {

    private static final SeatState[] STATES = SeatState.values();

    private final SeatMapViewModel.Display map;
    private SeatMapData data;
    private char[] states = new char[0];
    /** [category][state ordinal] */
    private long[][] byCategory = new long[0][STATES.length];
    private final ReadOnlyLongWrapper[] totals = new ReadOnlyLongWrapper[STATES.length];
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    public LiveCounts(SeatMapViewModel.Display map) {
        this.map = map;
        for (int s = 0; s < STATES.length; s++) {
            totals[s] = new ReadOnlyLongWrapper();
        }
    }

    /** Seats in a state, live. */
    public ReadOnlyLongProperty totalProperty(SeatState state) {
        return totals[state.ordinal()].getReadOnlyProperty();
    }

    /** Goes up by one with every change counted: listen to it to redraw charts. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public SeatMapData data() {
        return data;
    }

    /** Seats of a price category (index into {@link SeatMapData#categories()}) in a state. */
    public long count(int category, SeatState state) {
        return category < byCategory.length ? byCategory[category][state.ordinal()] : 0;
    }

    /** State code of one seat as last seen. */
    public char stateOf(int seat) {
        return states[seat];
    }

    @Override
    public void show(SeatMapData data, String states) {
        this.data = data;
        map.show(data, states);
        recount(states);
    }

    @Override
    public void replaceStates(String states) {
        map.replaceStates(states);
        recount(states);
    }

    @Override
    public void apply(SeatChange change) {
        map.apply(change);
        int[] seats = change.seatIndexes();
        for (int i = 0; i < seats.length; i++) {
            int seat = seats[i];
            SeatState before = SeatState.ofCode(states[seat]);
            SeatState after = SeatState.ofCode(change.states().charAt(i));
            int category = data.categoryIndex(seat);
            byCategory[category][before.ordinal()]--;
            byCategory[category][after.ordinal()]++;
            states[seat] = after.code();
        }
        publish();
    }

    private void recount(String codes) {
        states = codes.toCharArray();
        byCategory = new long[data.categories().size()][STATES.length];
        for (int seat = 0; seat < states.length; seat++) {
            byCategory[data.categoryIndex(seat)][SeatState.ofCode(states[seat]).ordinal()]++;
        }
        publish();
    }

    private void publish() {
        for (int s = 0; s < STATES.length; s++) {
            long sum = 0;
            for (long[] category : byCategory) {
                sum += category[s];
            }
            totals[s].set(sum);
        }
        version.set(version.get() + 1);
    }
}
