package com.boxoffice.server.online;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import com.boxoffice.core.ticket.QrMatrix;
import com.boxoffice.core.ticket.TicketEntity;
import com.boxoffice.core.ticket.TicketPayload;
import com.boxoffice.core.ticket.TicketQr;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketSigner;

/** An order's live tickets as the buyer gets them online: each seat with its signed code and that code as a QR code. */
@Component
public class TicketViews {

    /**
     * One ticket.
     *
     * @param code  the signed ticket code a door scanner checks offline with the site's public key
     * @param qrSvg the code as a QR code (SVG, black on white, quiet zone included)
     */
    public record TicketView(String ticketId, String seatId, String section, String row, String seat, long priceMinor,
                             String code, String qrSvg) {
    }

    private final TicketRepository tickets;
    private final TicketSigner signer;
    private final SeatNames names;

    public TicketViews(TicketRepository tickets, TicketSigner signer, SeatNames names) {
        this.tickets = tickets;
        this.signer = signer;
        this.names = names;
    }

    public List<TicketView> of(String orderId) {
        List<TicketView> views = new ArrayList<>();
        for (TicketEntity ticket : tickets.findByOrderId(orderId)) {
            if (!ticket.isLive()) {
                continue;
            }
            String code = signer.sign(TicketPayload.of(ticket));
            SeatNames.SeatName name = names.of(ticket.getPerformanceId(), ticket.getSeatId());
            views.add(new TicketView(ticket.getId(), ticket.getSeatId(), name.section(), name.row(), name.seat(),
                    ticket.getPriceMinor(), code, svg(code, name)));
        }
        views.sort(Comparator.comparing(TicketView::seatId));
        return views;
    }

    /** The code as an SVG QR code: one path of dark runs, so it stays small and scales sharply. */
    static String svg(String code, SeatNames.SeatName seat) {
        QrMatrix matrix = TicketQr.matrix(code);
        int n = matrix.size();
        StringBuilder path = new StringBuilder(n * n);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!matrix.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && matrix.isDark(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        String label = "Ticket QR code for " + (seat.section().isEmpty() ? "seat " + seat.seat()
                : seat.section() + ", row " + seat.row() + ", seat " + seat.seat());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" role=\"img\" aria-label=\""
                + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
