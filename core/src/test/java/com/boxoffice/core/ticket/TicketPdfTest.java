package com.boxoffice.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;

class TicketPdfTest {

    private static final KeyPair KEYS = TicketKeys.generate();
    private static final TicketSigner SIGNER = new TicketSigner(KEYS.getPrivate());
    private static final TicketVerifier VERIFIER = new TicketVerifier(KEYS.getPublic());

    private static final String ORDER_ID = "a7e5c0d2-41f9-4b3a-8e27-6c9d1f0b2e84";
    private static final String PERFORMANCE_ID = "perf-2026-03-14-evening";
    private static final ZonedDateTime STARTS_AT = ZonedDateTime.of(2026, 3, 14, 19, 30, 0, 0,
            ZoneId.of("Europe/London"));
    private static final Currency GBP = Currency.getInstance("GBP");

    private static PrintableTicket ticket(String ticketId, String seatId, String section, String row, String seat,
                                          String category, long priceMinor, String note) {
        String code = SIGNER.sign(TicketPayload.of(ticketId, ORDER_ID, PERFORMANCE_ID, seatId, 1_773_000_000L));
        return new PrintableTicket("The Tempest", "Riverside Theatre", STARTS_AT, section, row, seat, category,
                priceMinor, GBP, ORDER_ID, ticketId, note, code);
    }

    private static final List<PrintableTicket> ORDER = List.of(
            ticket("3f1c2a9e-7b4d-4c8e-9a61-0d2f5b7e8c13", "STALLS-F-12", "Stalls", "F", "12", "Premium", 4500, null),
            ticket("5b0e7d41-2c3a-4f6b-8d9e-1a2b3c4d5e6f", "STALLS-F-13", "Stalls", "F", "13", "Premium", 4500, null),
            ticket("9d8c7b6a-5f4e-4d3c-9b2a-0f1e2d3c4b5a", "CIRCLE-B-1", "Dress Circle", "B", "1", "Standard", 2850,
                    "Wheelchair space, step-free entrance at Door 3"));

    private static byte[] pdf(List<PrintableTicket> tickets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TicketPdf().write(tickets, out);
        return out.toByteArray();
    }

    private static String pageText(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    @Test
    void eachTicketGetsItsOwnTicketSizedPageWithItsSeatAndOrder() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(ORDER))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(283.46f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(size.getHeight()).isCloseTo(566.93f, org.assertj.core.data.Offset.offset(0.1f));

            for (int i = 0; i < ORDER.size(); i++) {
                PrintableTicket ticket = ORDER.get(i);
                String text = pageText(document, i + 1);
                assertThat(text).contains("The Tempest", "Riverside Theatre", ticket.sectionName(),
                        ticket.rowLabel(), ticket.seatNumber(), ticket.priceCategory(), "Order A7E5C0D2",
                        ticket.ticketId(), "14 March 2026", "19:30 GMT");
                // The row and seat values sit under their own labels.
                assertThat(text).containsPattern("ROW\\s+SEAT\\s+" + ticket.rowLabel() + "\\s+" + ticket.seatNumber());
            }
            assertThat(pageText(document, 1)).contains("£45.00").doesNotContain("Wheelchair");
            // Long notes wrap onto more lines, but are printed whole.
            assertThat(pageText(document, 3).replaceAll("\\s+", " "))
                    .contains("£28.50", "Wheelchair space, step-free entrance at Door 3");
        }
    }

    @Test
    void qrCodeOnEachRenderedPageVerifiesAndNamesThatPagesSeat() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(ORDER))) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < ORDER.size(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, 200);
                if (i == 0 || i == 2) {
                    Path target = Path.of("target", i == 0 ? "ticket-page.png" : "ticket-page-access.png");
                    Files.createDirectories(target.getParent());
                    ImageIO.write(page, "png", target.toFile());
                }
                Result scanned = QrReader.read(page);

                assertThat(scanned.getText()).isEqualTo(ORDER.get(i).code());
                TicketPayload payload = VERIFIER.verify(scanned.getText());
                assertThat(payload.seatId()).isEqualTo(List.of("STALLS-F-12", "STALLS-F-13", "CIRCLE-B-1").get(i));
                assertThat(payload.ticketId()).isEqualTo(ORDER.get(i).ticketId());
                assertThat(payload.orderId()).isEqualTo(ORDER_ID);
            }
        }
    }

    @Test
    void qrCodeIsPrintedAtLeast35MillimetresWide() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(ORDER.subList(0, 1)))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            Result scanned = QrReader.read(page);
            ResultPoint[] finders = scanned.getResultPoints();
            // Points 1 and 2 are the centres of the top-left and top-right finder patterns, N - 7 modules apart.
            int modules = TicketQr.matrix(ORDER.getFirst().code()).size() - 2 * TicketQr.QUIET_ZONE;
            float modulePx = ResultPoint.distance(finders[1], finders[2]) / (modules - 7);
            double symbolMm = modules * modulePx / 200.0 * 25.4;

            assertThat(symbolMm).isGreaterThanOrEqualTo(35.0);
        }
    }

    @Test
    void namesOutsideTheStandardFontArePrintedWithoutFailing() throws Exception {
        String code = SIGNER.sign(TicketPayload.of("t-1", ORDER_ID, PERFORMANCE_ID, "s-1", 1));
        PrintableTicket ticket = new PrintableTicket("Zoë’s Café — Łódź", "東京ドーム\tHall\u00a0B", STARTS_AT,
                "Balcón Ș", "Ł", "7", "Ünïcödé", 4500, Currency.getInstance("EUR"), ORDER_ID, "t-1",
                "Étage\n2", code);

        try (PDDocument document = Loader.loadPDF(pdf(List.of(ticket)))) {
            String text = pageText(document, 1);

            assertThat(text).contains("Zoë’s Café — Lódz", "????? Hall B", "Balcón S", "Ünïcödé", "€45.00",
                    "Étage 2");
        }
    }

    @Test
    void longTitlesAndSectionNamesAreShortenedToFitTheTicket() throws Exception {
        String code = SIGNER.sign(TicketPayload.of("t-1", ORDER_ID, PERFORMANCE_ID, "s-1", 1));
        String title = "A Very Long Evening of Chamber Music Featuring the Complete String Quartets of Beethoven";
        PrintableTicket ticket = new PrintableTicket(title, "Riverside Theatre", STARTS_AT,
                "Upper Grand Circle Restricted View Side Left Extension", "AA", "1024", "Premium", 4500, GBP,
                ORDER_ID, "t-1", null, code);

        try (PDDocument document = Loader.loadPDF(pdf(List.of(ticket)))) {
            String text = pageText(document, 1);
            assertThat(text).contains("A Very Long Evening", "…", "1024").doesNotContain("Beethoven");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            assertThat(VERIFIER.verify(QrReader.read(page).getText()).seatId()).isEqualTo("s-1");
        }
    }

    @Test
    void twoLineTitleAndLongAccessibilityNoteStayClearOfTheQrCode() throws Exception {
        String code = SIGNER.sign(TicketPayload.of("t-1", ORDER_ID, PERFORMANCE_ID, "s-1", 1));
        String note = "Wheelchair space with a companion seat beside it, step-free entrance at Door 3 on Mill Lane,"
                + " lift to this level, accessible toilets beside the bar";
        PrintableTicket ticket = new PrintableTicket("An Evening of Chamber Music with the Riverside Quartet",
                "Riverside Theatre", STARTS_AT, "Upper Grand Circle", "AA", "1024", "Premium", 4500, GBP, ORDER_ID,
                "t-1", note, code);

        try (PDDocument document = Loader.loadPDF(pdf(List.of(ticket)))) {
            float[] lowestTextAboveStub = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws java.io.IOException {
                    if (!text.startsWith("Order") && !text.startsWith("Ticket") && !text.startsWith("Scan")) {
                        for (var position : positions) {
                            lowestTextAboveStub[0] = Math.max(lowestTextAboveStub[0], position.getYDirAdj());
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(document);
            assertThat(text).contains("Wheelchair space", "…");

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            Result scanned = QrReader.read(page);
            assertThat(VERIFIER.verify(scanned.getText()).seatId()).isEqualTo("s-1");
            ResultPoint[] finders = scanned.getResultPoints();
            int modules = TicketQr.matrix(code).size() - 2 * TicketQr.QUIET_ZONE;
            float modulePx = ResultPoint.distance(finders[1], finders[2]) / (modules - 7);
            float qrTopPx = finders[1].getY() - 3.5f * modulePx - TicketQr.QUIET_ZONE * modulePx;
            float qrTopPt = qrTopPx * 72 / 200;
            // Baselines measured from the top of the page; descenders reach about 3 pt below them. The tear
            // line is 3 mm above the QR code's quiet zone.
            float tearPt = qrTopPt - 3 * 72 / 25.4f;
            assertThat(lowestTextAboveStub[0] + 3).isLessThan(tearPt);
            ImageIO.write(page, "png", Path.of("target", "ticket-page-crowded.png").toFile());
            assertThat(modules * modulePx / 200.0 * 25.4).isGreaterThanOrEqualTo(35.0);
        }
    }

    @Test
    void noTicketsIsRefused() {
        assertThatThrownBy(() -> new TicketPdf().write(List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderReferenceIsTheOrderIdsFirstEightCharactersInCapitals() {
        assertThat(ORDER.getFirst().orderReference()).isEqualTo("A7E5C0D2");
    }
}
