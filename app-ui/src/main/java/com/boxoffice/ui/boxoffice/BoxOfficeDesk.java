package com.boxoffice.ui.boxoffice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.common.Shortcut;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.seatmap.SeatMapView;
import com.boxoffice.ui.seatmap.SeatMapViewModel;
import com.boxoffice.ui.shell.OpenedPerformance;
import com.boxoffice.ui.shell.PerformanceRow;

/** Opens a performance for selling at the window: its live map and a sale beside it. */
public class BoxOfficeDesk {

    private final SaleService sales;
    private final HoldStore holds;
    private final Clock clock;
    private final DemoCatalog catalog;
    private final PerformanceSeatings seatings;
    private final Supplier<SeatMapViewModel> maps;
    private final String terminalId;
    private final SaleViewModel.TicketOutput tickets;
    private final Supplier<String> offlineSeats;
    /** The sale of each open performance tab, by performance id (FX thread only). */
    private final Map<String, SaleViewModel> openSales = new HashMap<>();

    /** @param offlineSeats what the terminal can sell while it is offline; empty while it is online */
    public BoxOfficeDesk(SaleService sales, HoldStore holds, Clock clock, DemoCatalog catalog, PerformanceSeatings seatings,
                         Supplier<SeatMapViewModel> maps, String terminalId, SaleViewModel.TicketOutput tickets,
                         Supplier<String> offlineSeats) {
        this.sales = sales;
        this.holds = holds;
        this.clock = clock;
        this.catalog = catalog;
        this.seatings = seatings;
        this.maps = maps;
        this.terminalId = terminalId;
        this.tickets = tickets;
        this.offlineSeats = offlineSeats;
    }

    public static List<String> selectedSeatIds(SeatMap map) {
        List<String> ids = new ArrayList<>();
        if (map.getData() != null) {
            map.getSelection().stream().sorted().forEach(i -> ids.add(map.getData().seatId(i)));
        }
        return ids;
    }

    public static Map<String, String> prices(List<PriceTier> tiers) {
        Map<String, String> prices = new HashMap<>();
        for (PriceTier tier : tiers) {
            prices.put(tier.category(), Money.format(tier.priceMinor(), tier.currency()));
        }
        return prices;
    }

    /** @param seller who is selling (written on the hold and the order) */
    public OpenedPerformance open(PerformanceRow row, Supplier<String> seller) {
        PerformanceSeating seating = seatings.seating(row.performanceId());
        SeatMapViewModel mapModel = maps.get();
        SeatMapView mapView = new SeatMapView(mapModel);
        SaleViewModel sale = new SaleViewModel(sales, holds, clock, row.performanceId(), Channel.BOX_OFFICE, terminalId,
                seller, tickets, offlineSeats);
        SeatNames names = catalog.seatNames(seating.performance().venueId());
        SeatMap map = mapView.map();
        SaleView view = new SaleView(sale, mapView, seating.performance().tiers(), names, () -> selectedSeatIds(map));
        mapView.setPrices(prices(seating.performance().tiers()));
        // offline the map shows the terminal's own seat state, where only its own allocation shows as
        // allocated: those seats are the ones it may sell, so they can be picked
        map.setSelectable(seat -> map.stateOf(seat) == '.'
                || map.stateOf(seat) == 'A' && !offlineSeats.get().isEmpty());
        // the seats of this sale's hold show as "held by me"; picked seats are let go once held
        sale.basketProperty().addListener((obs, old, basket) -> {
            List<Integer> mine = new ArrayList<>();
            if (basket != null && map.getData() != null) {
                for (OrderSeat seat : basket.seats()) {
                    int index = map.getData().indexOf(seat.seatId());
                    if (index >= 0) {
                        mine.add(index);
                    }
                }
                map.clearSelection();
            }
            map.setMine(mine);
        });
        mapModel.open(row.performanceId(), mapView);
        List<Shortcut> shortcuts = view.shortcuts();
        openSales.put(row.performanceId(), sale);
        return new OpenedPerformance(view.root(), mapView.map(), shortcuts, () -> {
            openSales.remove(row.performanceId(), sale);
            sale.close();
            mapModel.close();
        });
    }

    /**
     * Takes an exchange to the sale of the seats' performance, so the new seats held there are paid
     * partly by the seats given back.
     *
     * @param showSale opens (or brings forward) that performance's tab
     * @return why the exchange cannot start there, or empty when it has
     */
    public Optional<String> exchange(ExchangeCredit given, Runnable showSale) {
        if (!openSales.containsKey(given.performanceId())) {
            showSale.run();
        }
        SaleViewModel sale = openSales.get(given.performanceId());
        if (sale == null) {
            return Optional.of("The performance of order " + given.shortReference() + " could not be opened here. "
                    + "Press Refresh (F5), then press F8 again.");
        }
        Optional<String> refused = sale.beginExchange(given);
        if (refused.isEmpty()) {
            showSale.run();
        }
        return refused;
    }
}
