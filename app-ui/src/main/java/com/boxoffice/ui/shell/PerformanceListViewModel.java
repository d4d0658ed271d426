package com.boxoffice.ui.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.boxoffice.core.hold.Availability;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.demo.DemoCatalog;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The performances on sale with their free seats, loaded in the background. */
public class PerformanceListViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final DemoCatalog catalog;
    private final HoldStore holds;
    private final BooleanSupplier offline;
    private final ObservableList<PerformanceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /**
     * @param holds   the terminal's hold store
     * @param offline whether the terminal sells from its own state, where the seats allocated to it
     *                are the ones it can sell
     */
    public PerformanceListViewModel(DemoCatalog catalog, HoldStore holds, BooleanSupplier offline) {
        this.catalog = catalog;
        this.holds = holds;
        this.offline = offline;
    }

    public ObservableList<PerformanceRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What went wrong with the last refresh, in words for the clerk; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void refresh() {
        loading.set(true);
        Fx.inBackground(this::load, loaded -> {
            rows.setAll(loaded);
            problem.set("");
            loading.set(false);
        }, error -> {
            problem.set("Could not load the performances (" + error.getMessage()
                    + "). Check that the seat server is reachable, then press Refresh.");
            loading.set(false);
        });
    }

    private List<PerformanceRow> load() {
        List<PerformanceRow> loaded = new ArrayList<>();
        boolean ownSeats = offline.getAsBoolean();
        for (PerformanceSeating seating : catalog.install()) {
            Availability availability = holds.availability(seating.performance().id());
            loaded.add(new PerformanceRow(seating.performance().id(), seating.performance().title(),
                    catalog.venueName(seating.performance().venueId()),
                    WHEN.format(seating.performance().startsAt().atZone(ZoneId.systemDefault())),
                    seating.layout().size(), availability.count(SeatState.AVAILABLE)
                    + (ownSeats ? availability.count(SeatState.ALLOCATED) : 0)));
        }
        return loaded;
    }
}
