package com.boxoffice.ui.boxoffice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.core.ticket.PrintableTicket;
import com.boxoffice.core.ticket.TicketPayload;
import com.boxoffice.core.ticket.TicketPdf;
import com.boxoffice.core.ticket.TicketSigner;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.demo.DemoCatalog;

/**
 * Writes a sale's tickets as one PDF (a page per ticket, each with a signed QR code a door scanner
 * checks offline) into the terminal's tickets folder, named by the order's short reference.
 */
public class TicketFiles implements SaleViewModel.TicketOutput {

    private final Path folder;
    private final TicketSigner signer;
    private final PerformanceSeatings seatings;
    private final DemoCatalog venues;
    private final ZoneId zone;
    private final Clock clock;

    public TicketFiles(Path folder, TicketSigner signer, PerformanceSeatings seatings, DemoCatalog venues, ZoneId zone, Clock clock) {
        this.folder = folder;
        this.signer = signer;
        this.seatings = seatings;
        this.venues = venues;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Path save(SaleReceipt receipt) {
        PerformanceSeating seating = seatings.seating(receipt.performanceId());
        Performance performance = seating.performance();
        Venue venue = venues.venue(performance.venueId());
        SeatNames places = venues.seatNames(venue.id());
        Map<String, PriceTier> tiers = performance.tiersByCategory();
        long issuedAt = clock.instant().getEpochSecond();
        List<PrintableTicket> tickets = new ArrayList<>();
        for (SaleReceipt.IssuedTicket ticket : receipt.tickets()) {
            SeatNames.Place place = places.place(ticket.seatId());
            String category = seating.layout().categoryOf(seating.layout().indexOf(ticket.seatId()));
            PriceTier tier = tiers.get(category);
            String code = signer.sign(TicketPayload.of(ticket.ticketId(), receipt.orderId(), receipt.performanceId(),
                    ticket.seatId(), issuedAt));
            tickets.add(new PrintableTicket(performance.title(), venue.name(), performance.startsAt().atZone(zone),
                    place == null ? "" : place.section(), place == null ? "" : place.row(),
                    place == null ? ticket.seatId() : place.number(), tier == null ? category : tier.name(),
                    ticket.priceMinor(), Currency.getInstance(receipt.currency()), receipt.orderId(), ticket.ticketId(),
                    place == null ? null : place.accessNote(), code));
        }
        Path file = folder.resolve(OrderLookup.shortReference(receipt.orderId()) + "-" + receipt.orderId() + ".pdf");
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "tickets-", ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                new TicketPdf().write(tickets, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the tickets in " + folder + ": " + e.getMessage()
                    + ". Check the disk has room; the sale itself is complete.", e);
        }
    }
}
