package com.boxoffice.ui.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.ui.boxoffice.SaleViewModel;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

/**
 * What a kiosk sells with: sales on the kiosk channel, live seat maps, the performances' prices,
 * seat names and seat limits, and the check of the PIN that leaves kiosk mode.
 */
public class KioskDesk implements KioskViewModel.Desk, KioskView.Details {

    private final SaleService sales;
    private final HoldStore holds;
    private final Clock clock;
    private final DemoCatalog catalog;
    private final PerformanceSeatings seatings;
    private final Supplier<SeatMapViewModel> maps;
    private final String terminalId;
    private final SaleViewModel.TicketOutput tickets;
    private final Predicate<String> exitPin;
    private final Supplier<String> offlineSeats;

    /** @param offlineSeats what the terminal can sell while it is offline; empty while it is online */
    public KioskDesk(SaleService sales, HoldStore holds, Clock clock, DemoCatalog catalog, PerformanceSeatings seatings,
                     Supplier<SeatMapViewModel> maps, String terminalId, SaleViewModel.TicketOutput tickets,
                     Predicate<String> exitPin, Supplier<String> offlineSeats) {
        this.sales = sales;
        this.holds = holds;
        this.clock = clock;
        this.catalog = catalog;
        this.seatings = seatings;
        this.maps = maps;
        this.terminalId = terminalId;
        this.tickets = tickets;
        this.exitPin = exitPin;
        this.offlineSeats = offlineSeats;
    }

    @Override
    public SaleViewModel sale(String performanceId) {
        return new SaleViewModel(sales, holds, clock, performanceId, Channel.KIOSK, terminalId, () -> "kiosk " + terminalId,
                tickets, offlineSeats);
    }

    @Override
    public SeatMapViewModel map() {
        return maps.get();
    }

    @Override
    public int perBuyerLimit(String performanceId) {
        return seatings.seating(performanceId).performance().perBuyerLimit();
    }

    public boolean isExitPin(String pin) {
        return exitPin.test(pin);
    }

    @Override
    public List<PriceTier> tiers(String performanceId) {
        return seatings.seating(performanceId).performance().tiers();
    }

    @Override
    public SeatNames seatNames(String performanceId) {
        return catalog.seatNames(seatings.seating(performanceId).performance().venueId());
    }
}
