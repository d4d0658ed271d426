package com.boxoffice.core.ticket;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * QR codes for ticket codes: error correction level M (a creased or smudged ticket still scans, and the
 * code stays small) with the standard four-module quiet zone.
 */
public final class TicketQr {

    /** Light modules around the code, as the QR standard asks for. */
    public static final int QUIET_ZONE = 4;

    private TicketQr() {
    }

    /**
     * The modules of the code's QR symbol, quiet zone included: a symbol the common scanner's detector
     * finds. About one code in 25 encodes (with the mask pattern the standard's penalty rules pick)
     * into data modules that ZXing's finder-pattern search, which most scanner apps run, takes for a
     * finder pattern, so it finds no symbol at all, even in a perfect image. Such a code is encoded
     * again with each other mask pattern until one is found and read back; any mask is valid QR.
     */
    public static QrMatrix matrix(String code) {
        Objects.requireNonNull(code, "code");
        ByteMatrix modules = encode(code, null);
        for (int mask = 0; mask < 8 && !scannable(modules, code); mask++) {
            modules = encode(code, mask);
        }
        int size = modules.getWidth() + 2 * QUIET_ZONE;
        BitSet dark = new BitSet(size * size);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    dark.set((y + QUIET_ZONE) * size + x + QUIET_ZONE);
                }
            }
        }
        return new QrMatrix(size, QUIET_ZONE, dark);
    }

    private static ByteMatrix encode(String code, Integer mask) {
        // Ticket codes are ASCII; naming the charset keeps ZXing from adding an ECI header.
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return Encoder.encode(code, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of this text: " + e.getMessage(), e);
        }
    }

    /**
     * Whether ZXing's detector finds the symbol and reads the code back, drawn at several module sizes
     * and margins: where it looks depends on the picture's size, so a symbol it only just finds in one
     * picture is missed in another.
     */
    private static boolean scannable(ByteMatrix modules, String code) {
        for (int scale = 2; scale <= 6; scale++) {
            int margin = QUIET_ZONE * scale + 2 * scale + 1;
            BitMatrix image = new BitMatrix(modules.getWidth() * scale + 2 * margin);
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth(); x++) {
                    if (modules.get(x, y) == 1) {
                        image.setRegion(margin + x * scale, margin + y * scale, scale, scale);
                    }
                }
            }
            try {
                DetectorResult found = new Detector(image).detect();
                if (!code.equals(new Decoder().decode(found.getBits()).getText())) {
                    return false;
                }
            } catch (ReaderException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * A square black-and-white PNG of {@code px} pixels a side. Every module is the same whole number of
     * pixels, so the image stays sharp; what is left over widens the white margin.
     *
     * @throws IllegalArgumentException if {@code px} is too small to give each module one pixel
     */
    public static byte[] png(String code, int px) {
        QrMatrix matrix = matrix(code);
        int scale = px / matrix.size();
        if (scale < 1) {
            throw new IllegalArgumentException("A QR code of " + matrix.size() + " modules needs at least "
                    + matrix.size() + " pixels, got " + px);
        }
        int offset = (px - matrix.size() * scale) / 2;
        BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xFFFFFF;
        int black = 0x000000;
        for (int y = 0; y < px; y++) {
            for (int x = 0; x < px; x++) {
                int mx = (x - offset) / scale;
                int my = (y - offset) / scale;
                boolean inside = x >= offset && y >= offset && mx < matrix.size() && my < matrix.size();
                image.setRGB(x, y, inside && matrix.isDark(mx, my) ? black : white);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
