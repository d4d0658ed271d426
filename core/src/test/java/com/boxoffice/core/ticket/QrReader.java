package com.boxoffice.core.ticket;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads a QR code out of an image the way a scanner app would: find it anywhere in the picture. */
final class QrReader {

    private QrReader() {
    }

    /** Decodes as a scanner app would: ZXing's detector looks for the symbol anywhere in the picture. */
    static Result read(BufferedImage image) throws ReaderException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        MultiFormatReader scanner = new MultiFormatReader();
        scanner.setHints(Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return scanner.decode(bitmap);
    }
}
