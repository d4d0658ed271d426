package com.boxoffice.core.ticket;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Prints tickets as a PDF, one 100 mm x 200 mm ticket per page: the event and venue in a dark band at
 * the top, the date, the seat location large enough to read across a foyer, price and order, and a
 * QR code of 42 to 55 mm below a tear line. The QR code is drawn as vector squares, so it stays sharp at any
 * printer resolution.
 */
public final class TicketPdf {

    /** Ticket page size, portrait. */
    public static final PDRectangle PAGE = new PDRectangle(mm(100), mm(200));

    /** Largest printed side of the QR code, quiet zone included; used whenever the ticket has room. */
    public static final float QR_MAX_SIDE_MM = 55;

    /** Smallest printed side of the QR code, quiet zone included, for tickets with the most text. */
    public static final float QR_MIN_SIDE_MM = 42;

    private static final float MARGIN = mm(8);
    private static final Color INK = new Color(0x1B, 0x1F, 0x2A);
    private static final Color MUTED = new Color(0x5C, 0x64, 0x73);
    private static final Color BAND = new Color(0x1F, 0x2A, 0x44);
    private static final Color BAND_TEXT_MUTED = new Color(0xC3, 0xCB, 0xDD);
    private static final Color ACCENT = new Color(0xE0, 0xA2, 0x1B);
    private static final Color PANEL = new Color(0xF0, 0xF2, 0xF6);
    private static final Color RULE = new Color(0xB5, 0xBB, 0xC6);

    private final Locale locale;

    /** Dates and prices written for British readers. */
    public TicketPdf() {
        this(Locale.UK);
    }

    /** Dates and prices written for readers of {@code locale}. */
    public TicketPdf(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * Writes the tickets, one per page in the given order, as one PDF document. The stream is left open.
     *
     * @throws IllegalArgumentException if there are no tickets
     */
    public void write(List<PrintableTicket> tickets, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (tickets == null || tickets.isEmpty()) {
            throw new IllegalArgumentException("No tickets to print");
        }
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(PdfText.printable("Tickets: " + tickets.getFirst().eventTitle(), fonts.regular));
            info.setCreator("Box office");
            for (PrintableTicket ticket : tickets) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    new Layout(content, fonts).draw(Objects.requireNonNull(ticket, "ticket"));
                }
            }
            document.save(out);
        }
    }

    private static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    /** Draws one ticket from the top of the page down. */
    private final class Layout {

        private final PDPageContentStream content;
        private final Fonts fonts;
        private final float width = PAGE.getWidth();
        private final float inner = PAGE.getWidth() - 2 * MARGIN;

        Layout(PDPageContentStream content, Fonts fonts) {
            this.content = content;
            this.fonts = fonts;
        }

        void draw(PrintableTicket ticket) throws IOException {
            float y = header(ticket, PAGE.getHeight());
            y = when(ticket, y - mm(6));
            y = seat(ticket, y - mm(5));
            y = price(ticket, y - mm(5));
            if (ticket.hasAccessibilityNote()) {
                y = accessibility(ticket, y - mm(3));
            }
            admission(ticket, y - mm(5));
        }

        private float header(PrintableTicket ticket, float top) throws IOException {
            List<String> title = titleLines(ticket.eventTitle());
            float titleSize = title.size() == 1 && fonts.bold.getStringWidth(title.getFirst()) / 1000 * 24 <= inner
                    ? 24 : 20;
            float height = mm(9) + 9 + title.size() * titleSize * 1.15f + mm(2) + 11 + mm(6);
            fill(BAND, 0, top - height, width, height);
            fill(ACCENT, 0, top - height, width, mm(1.2f));

            float y = top - mm(9);
            text("ADMIT ONE", fonts.bold, 7.5f, BAND_TEXT_MUTED, MARGIN, y, 0.6f);
            y -= 9 + titleSize;
            for (String line : title) {
                text(line, fonts.bold, titleSize, Color.WHITE, MARGIN, y, 0);
                y -= titleSize * 1.15f;
            }
            y += titleSize * 1.15f - mm(2) - 11;
            text(ellipsize(ticket.venueName(), fonts.regular, 11, inner), fonts.regular, 11, BAND_TEXT_MUTED,
                    MARGIN, y, 0);
            return top - height;
        }

        private float when(PrintableTicket ticket, float y) throws IOException {
            String date = ticket.startsAt().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
            String time = ticket.startsAt().format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
                    + " " + ticket.startsAt().format(DateTimeFormatter.ofPattern("zzz", locale));
            y -= 13;
            text(ellipsize(date, fonts.bold, 13, inner), fonts.bold, 13, INK, MARGIN, y, 0);
            y -= 16;
            text(time, fonts.regular, 12, INK, MARGIN, y, 0);
            return y - 4;
        }

        private float seat(PrintableTicket ticket, float top) throws IOException {
            float pad = mm(4);
            float height = mm(34);
            fill(PANEL, MARGIN, top - height, inner, height);
            fill(BAND, MARGIN, top - height, mm(1.5f), height);

            float left = MARGIN + pad + mm(1);
            float boxInner = inner - pad * 2 - mm(1);
            float y = top - pad - 7;
            label("SECTION", left, y);
            float sectionSize = fitSize(ticket.sectionName(), fonts.bold, 16, 11, boxInner);
            y -= 4 + sectionSize;
            text(ellipsize(ticket.sectionName(), fonts.bold, sectionSize, boxInner), fonts.bold, sectionSize, INK,
                    left, y, 0);

            y -= mm(4) + 7;
            float seatColumn = left + boxInner / 2;
            label("ROW", left, y);
            label("SEAT", seatColumn, y);
            float bigSize = Math.min(fitSize(ticket.rowLabel(), fonts.bold, 34, 14, boxInner / 2 - mm(2)),
                    fitSize(ticket.seatNumber(), fonts.bold, 34, 14, boxInner / 2 - mm(2)));
            y -= 4 + bigSize * 0.78f;
            text(ellipsize(ticket.rowLabel(), fonts.bold, bigSize, boxInner / 2 - mm(2)), fonts.bold, bigSize, INK,
                    left, y, 0);
            text(ellipsize(ticket.seatNumber(), fonts.bold, bigSize, boxInner / 2 - mm(2)), fonts.bold, bigSize, INK,
                    seatColumn, y, 0);
            return top - height;
        }

        private float price(PrintableTicket ticket, float y) throws IOException {
            String amount = price(ticket.priceMinor(), ticket);
            float amountWidth = width(amount, fonts.bold, 13);
            y -= 12;
            text(ellipsize(ticket.priceCategory(), fonts.regular, 12, inner - amountWidth - mm(4)),
                    fonts.regular, 12, INK, MARGIN, y, 0);
            text(amount, fonts.bold, 13, INK, MARGIN + inner - amountWidth, y, 0);
            return y - 4;
        }

        private float accessibility(PrintableTicket ticket, float top) throws IOException {
            float pad = mm(2.5f);
            float textLeft = MARGIN + mm(4);
            // Two lines at most: with a two-line title, a third would reach into the QR code's stub.
            List<String> lines = wrap(ticket.accessibilityNote(), fonts.bold, 10, MARGIN + inner - textLeft - mm(2), 2);
            float height = pad + 7 + 5 + lines.size() * 12 + pad - 2;
            fill(new Color(0xFD, 0xF3, 0xDC), MARGIN, top - height, inner, height);
            fill(ACCENT, MARGIN, top - height, mm(1.5f), height);
            float y = top - pad - 7;
            label("ACCESS", textLeft, y);
            y -= 5;
            for (String line : lines) {
                y -= 12;
                text(line, fonts.bold, 10, INK, textLeft, y + 2, 0);
            }
            return top - height;
        }

        /**
         * Tear line, QR code, order and ticket reference, from the bottom of the page up. The QR code takes
         * the room the text above leaves, within limits: bigger scans faster at a busy door.
         */
        private void admission(PrintableTicket ticket, float contentBottom) throws IOException {
            float footerY = MARGIN;
            centred("Scan at the door. Valid for one entry.", fonts.regular, 7.5f, MUTED, footerY);
            float idY = footerY + 13;
            centred("Ticket " + ticket.ticketId(), fonts.regular, 7.5f, MUTED, idY);
            float orderY = idY + 12;
            centred("Order " + ticket.orderReference(), fonts.bold, 11, INK, orderY);

            float qrBottom = orderY + 14;
            float tearGap = mm(3);
            float side = Math.max(mm(QR_MIN_SIDE_MM), Math.min(mm(QR_MAX_SIDE_MM), contentBottom - tearGap - qrBottom));
            qr(TicketQr.matrix(ticket.code()), (width - side) / 2, qrBottom, side);

            float tear = qrBottom + side + tearGap;
            content.saveGraphicsState();
            content.setStrokingColor(RULE);
            content.setLineWidth(0.6f);
            content.setLineDashPattern(new float[] {3, 3}, 0);
            content.moveTo(0, tear);
            content.lineTo(width, tear);
            content.stroke();
            content.restoreGraphicsState();
        }

        private void qr(QrMatrix matrix, float x, float y, float side) throws IOException {
            float module = side / matrix.size();
            content.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < matrix.size(); row++) {
                int col = 0;
                while (col < matrix.size()) {
                    if (!matrix.isDark(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.size() && matrix.isDark(col, row)) {
                        col++;
                    }
                    // One rectangle per run of dark modules: fewer operators, no hairline seams between them.
                    content.addRect(x + start * module, y + side - (row + 1) * module, (col - start) * module, module);
                }
            }
            content.fill();
        }

        private String price(long minor, PrintableTicket ticket) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(ticket.currency());
            int digits = Math.max(0, ticket.currency().getDefaultFractionDigits());
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return PdfText.printable(format.format(BigDecimal.valueOf(minor, digits)), fonts.bold);
        }

        /** One line at the large size if it fits, else at most two smaller lines, the second cut short. */
        private List<String> titleLines(String title) throws IOException {
            return width(title, fonts.bold, 24) <= inner ? List.of(PdfText.printable(title, fonts.bold))
                    : wrap(title, fonts.bold, 20, inner, 2);
        }

        /** Words filled into at most {@code maxLines} lines; the last line is cut short if text is left over. */
        private List<String> wrap(String text, PDFont font, float size, float maxWidth, int maxLines)
                throws IOException {
            String[] words = PdfText.printable(text, font).split(" +");
            List<String> lines = new ArrayList<>();
            int next = 0;
            while (next < words.length && lines.size() < maxLines) {
                StringBuilder line = new StringBuilder(words[next++]);
                boolean last = lines.size() == maxLines - 1;
                while (next < words.length && (last || width(line + " " + words[next], font, size) <= maxWidth)) {
                    line.append(' ').append(words[next++]);
                }
                lines.add(ellipsize(line.toString(), font, size, maxWidth));
            }
            avoidOrphan(lines, font, size, maxWidth);
            return lines;
        }

        /** Moves a word down when the last line would hold a single short word under a full line. */
        private void avoidOrphan(List<String> lines, PDFont font, float size, float maxWidth) throws IOException {
            int last = lines.size() - 1;
            if (last < 1 || lines.get(last).contains(" ") || lines.get(last).length() > 4) {
                return;
            }
            String previous = lines.get(last - 1);
            int cut = previous.lastIndexOf(' ');
            if (cut <= 0 || previous.endsWith("\u2026")) {
                return;
            }
            String moved = previous.substring(cut + 1) + " " + lines.get(last);
            if (width(moved, font, size) <= maxWidth) {
                lines.set(last - 1, previous.substring(0, cut));
                lines.set(last, moved);
            }
        }

        private float fitSize(String text, PDFont font, float largest, float smallest, float maxWidth)
                throws IOException {
            String clean = PdfText.printable(text, font);
            float size = largest;
            while (size > smallest && width(clean, font, size) > maxWidth) {
                size -= 1;
            }
            return size;
        }

        private String ellipsize(String text, PDFont font, float size, float maxWidth) throws IOException {
            String clean = PdfText.printable(text, font);
            if (width(clean, font, size) <= maxWidth) {
                return clean;
            }
            String cut = clean;
            while (!cut.isEmpty() && width(cut.strip() + "\u2026", font, size) > maxWidth) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut.strip() + "\u2026";
        }

        private float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(PdfText.printable(text, font)) / 1000 * size;
        }

        private void label(String text, float x, float y) throws IOException {
            text(text, fonts.bold, 7, MUTED, x, y, 0.6f);
        }

        private void centred(String text, PDFont font, float size, Color color, float y) throws IOException {
            String clean = ellipsize(text, font, size, inner);
            text(clean, font, size, color, (width - width(clean, font, size)) / 2, y, 0);
        }

        private void text(String text, PDFont font, float size, Color color, float x, float y, float spacing)
                throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.setCharacterSpacing(spacing);
            content.newLineAtOffset(x, y);
            content.showText(PdfText.printable(text, font));
            content.endText();
        }

        private void fill(Color color, float x, float y, float w, float h) throws IOException {
            content.setNonStrokingColor(color);
            content.addRect(x, y, w, h);
            content.fill();
        }
    }
}
