package com.boxoffice.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;

class TicketQrTest {

    private static final KeyPair KEYS = TicketKeys.generate();
    private static final TicketPayload PAYLOAD = TicketPayload.of("3f1c2a9e-7b4d-4c8e-9a61-0d2f5b7e8c13",
            "a7e5c0d2-41f9-4b3a-8e27-6c9d1f0b2e84", "perf-2026-03-14-evening", "STALLS-F-12", 1_773_000_000L);
    private final String code = new TicketSigner(KEYS.getPrivate()).sign(PAYLOAD);

    @Test
    void pngDecodesBackToTheExactCodeAtLevelM() throws Exception {
        byte[] png = TicketQr.png(code, 400);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
        Result result = QrReader.read(image);
        assertThat(result.getText()).isEqualTo(code);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        assertThat(new TicketVerifier(KEYS.getPublic()).verify(result.getText())).isEqualTo(PAYLOAD);
    }

    @Test
    void everyTicketIsFoundByTheDetectorScannerAppsUse() throws Exception {
        // about one code in 25 used to come out as a symbol ZXing's detector does not find at all
        KeyPair keys = TicketKeys.generate();
        TicketSigner signer = new TicketSigner(keys.getPrivate());
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ticket = signer.sign(TicketPayload.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "perf-" + i, "STALLS-" + (char) ('A' + i % 20) + "-" + (i % 30 + 1), 1_773_000_000L + i));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(TicketQr.png(ticket, i % 2 == 0 ? 400 : 260)));
            try {
                assertThat(QrReader.read(image).getText()).isEqualTo(ticket);
            } catch (NotFoundException e) {
                missed.add(ticket);
            }
        }
        assertThat(missed).as("codes whose QR symbol a scanner would not find: " + missed.size()).isEmpty();
    }

    @Test
    void matrixHasAQuietZoneAndFinderPatterns() {
        QrMatrix matrix = TicketQr.matrix(code);
        int size = matrix.size();
        int q = matrix.quietZone();

        assertThat(q).isEqualTo(4);
        // A QR symbol of version v has 4v + 17 modules a side.
        assertThat((size - 2 * q - 17) % 4).isZero();
        for (int i = 0; i < size; i++) {
            for (int band = 0; band < q; band++) {
                assertThat(matrix.isDark(i, band)).isFalse();
                assertThat(matrix.isDark(band, i)).isFalse();
                assertThat(matrix.isDark(i, size - 1 - band)).isFalse();
                assertThat(matrix.isDark(size - 1 - band, i)).isFalse();
            }
        }
        // The finder pattern's dark ring in three corners, light fourth corner ring position.
        assertThat(matrix.isDark(q, q)).isTrue();
        assertThat(matrix.isDark(size - q - 1, q)).isTrue();
        assertThat(matrix.isDark(q, size - q - 1)).isTrue();
        assertThat(matrix.isDark(q + 1, q + 1)).isFalse();
    }

    @Test
    void aTicketCodeFitsAVersion10Symbol() {
        // 57 modules: at 4 cm each module is 0.7 mm, comfortable for phone cameras and door scanners.
        assertThat(TicketQr.matrix(code).size() - 2 * TicketQr.QUIET_ZONE).isLessThanOrEqualTo(57);
    }

    @Test
    void imageTooSmallForOnePixelPerModuleIsRefused() {
        assertThatThrownBy(() -> TicketQr.png(code, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
