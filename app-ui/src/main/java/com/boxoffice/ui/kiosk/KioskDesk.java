package com.boxoffice.ui.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.ui.boxoffice.SaleViewModel;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.demo.DemoCatalog;

/** What a kiosk sells with: sales on the kiosk channel, the performances' prices and seat names, and the manager PIN check. */
public class KioskDesk implements KioskView.Details {

    private final SaleService sales;
    private final HoldStore holds;
    private final Clock clock;
    private final DemoCatalog catalog;
    private final PerformanceSeatings seatings;
    private final String terminalId;
    private final SaleViewModel.TicketOutput tickets;
    private final Predicate<String> managerPin;

    public KioskDesk(SaleService sales, HoldStore holds, Clock clock, DemoCatalog catalog, PerformanceSeatings seatings,
                     String terminalId, SaleViewModel.TicketOutput tickets, Predicate<String> managerPin) {
        this.sales = sales;
        this.holds = holds;
        this.clock = clock;
        this.catalog = catalog;
        this.seatings = seatings;
        this.terminalId = terminalId;
        this.tickets = tickets;
        this.managerPin = managerPin;
    }

    public SaleViewModel sale(String performanceId) {
        return new SaleViewModel(sales, holds, clock, performanceId, Channel.KIOSK, terminalId, () -> "kiosk " + terminalId,
                tickets);
    }

    public boolean isManagerPin(String pin) {
        return managerPin.test(pin);
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
