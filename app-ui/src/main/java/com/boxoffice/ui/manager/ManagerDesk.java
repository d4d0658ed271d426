package com.boxoffice.ui.manager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.staff.StaffSession;
import com.boxoffice.ui.boxoffice.BoxOfficeDesk;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.seatmap.SeatMapView;
import com.boxoffice.ui.seatmap.SeatMapViewModel;
import com.boxoffice.ui.shell.OpenedPerformance;
import com.boxoffice.ui.shell.PerformanceRow;


/** Opens a performance for a manager: live map, live counts, seat actions. */
public class ManagerDesk {

    private final HoldStore holds;
    private final PerformanceSeatings seatings;
    private final Supplier<SeatMapViewModel> maps;
    private final SeatAssignments assignments;
    /** The map of each open performance tab, by performance id (FX thread only). */
    private final Map<String, SeatMap> openMaps = new HashMap<>();

    public ManagerDesk(HoldStore holds, SeatAssignments assignments, PerformanceSeatings seatings,
                       Supplier<SeatMapViewModel> maps) {
        this.holds = holds;
        this.assignments = assignments;
        this.seatings = seatings;
        this.maps = maps;
    }

    /** The seats selected on the performance's map, if its tab is open; else none. FX thread. */
    public List<String> selectedSeats(String performanceId) {
        SeatMap map = openMaps.get(performanceId);
        return map == null ? List.of() : BoxOfficeDesk.selectedSeatIds(map);
    }

    public OpenedPerformance open(PerformanceRow row, StaffSession manager) {
        SeatMapViewModel mapModel = maps.get();
        SeatMapView mapView = new SeatMapView(mapModel);
        LiveCounts counts = new LiveCounts(mapView);
        SeatMap map = mapView.map();
        // a manager acts on seats in any state: blocking free ones, unblocking blocked ones, ...
        map.setSelectable(seat -> true);
        mapView.setPrices(BoxOfficeDesk.prices(seatings.seating(row.performanceId()).performance().tiers()));
        ManagerViewModel model = new ManagerViewModel(assignments, row.performanceId(), manager.staffId(),
                () -> BoxOfficeDesk.selectedSeatIds(map), map::clearSelection);
        SalesTallyView tally = new SalesTallyView(holds, row.performanceId());
        ManagerView view = new ManagerView(model, mapView, counts, tally.node());
        mapModel.open(row.performanceId(), counts);
        openMaps.put(row.performanceId(), map);
        return new OpenedPerformance(view.root(), mapView.map(), List.of(), () -> {
            openMaps.remove(row.performanceId(), map);
            view.close();
            tally.close();
            mapModel.close();
        });
    }
}
