package com.boxoffice.ui.boxoffice;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import javafx.scene.image.WritableImage;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;

/**
 * Prints saved tickets on the terminal's default printer through JavaFX printing: each PDF page is
 * drawn as an image scaled to the printable area. Answers a sentence for the clerk either way.
 */
public final class TicketPrinting {

    private TicketPrinting() {
    }

    /** What happened: whether the tickets went to a printer, and what to tell the clerk. */
    public record Outcome(boolean printed, String message) {
    }

    /** Prints the file; call it off the FX thread (rendering takes a moment). */
    public static Outcome print(Path pdf) {
        Printer printer = Printer.getDefaultPrinter();
        if (printer == null) {
            return new Outcome(false, "No printer is set up on this computer. The tickets are saved at " + pdf
                    + ": open that file to print them, or set up a printer and press Print again.");
        }
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            return new Outcome(false, "The printer could not be reached. Check it is on and has paper, then press Print again.");
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            PageLayout layout = job.getJobSettings().getPageLayout();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 200);
                ImageView view = new ImageView(toFx(image));
                view.setPreserveRatio(true);
                view.setFitWidth(layout.getPrintableWidth());
                view.setFitHeight(layout.getPrintableHeight());
                if (!job.printPage(view)) {
                    job.cancelJob();
                    return new Outcome(false, "Printing stopped at ticket " + (page + 1) + ". Check the printer, then press Print again.");
                }
            }
            job.endJob();
            return new Outcome(true, document.getNumberOfPages() == 1 ? "1 ticket sent to " + printer.getName() + "."
                    : document.getNumberOfPages() + " tickets sent to " + printer.getName() + ".");
        } catch (IOException e) {
            job.cancelJob();
            return new Outcome(false, "The ticket file could not be read (" + e.getMessage() + "). Press Print again, or find the order and reprint.");
        }
    }

    private static WritableImage toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        WritableImage out = new WritableImage(width, height);
        out.getPixelWriter().setPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
        return out;
    }
}
