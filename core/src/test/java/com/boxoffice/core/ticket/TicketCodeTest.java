package com.boxoffice.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.ticket.ForgedTicketException.Reason;

class TicketCodeTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final KeyPair KEYS = TicketKeys.generate();
    private final TicketSigner signer = new TicketSigner(KEYS.getPrivate());
    private final TicketVerifier verifier = new TicketVerifier(KEYS.getPublic());

    private static final TicketPayload PAYLOAD = TicketPayload.of(
            "3f1c2a9e-7b4d-4c8e-9a61-0d2f5b7e8c13",
            "a7e5c0d2-41f9-4b3a-8e27-6c9d1f0b2e84",
            "perf-2026-03-14-evening",
            "STALLS-F-12",
            1_773_000_000L);

    @Test
    void signedCodeVerifiesToTheSamePayload() {
        String code = signer.sign(PAYLOAD);

        assertThat(code).startsWith("BO1.");
        assertThat(verifier.verify(code)).isEqualTo(PAYLOAD);
    }

    @Test
    void idsThatAreNotUuidsComeBackExactly() {
        TicketPayload payload = TicketPayload.of("T-0001", "ORDER-0001", "Konzert im Großen Saal", "Balcón-3-7", 0);

        assertThat(verifier.verify(signer.sign(payload))).isEqualTo(payload);
    }

    @Test
    void uuidIdsInCapitalsComeBackInCapitals() {
        TicketPayload payload = TicketPayload.of("3F1C2A9E-7B4D-4C8E-9A61-0D2F5B7E8C13",
                "a7e5c0d2-41f9-4b3a-8e27-6c9d1f0b2e84", "p1", "s1", 5);

        assertThat(verifier.verify(signer.sign(payload))).isEqualTo(payload);
    }

    @Test
    void codeForUuidIdsIsShortEnoughForASmallQrCode() {
        // Version 10 at error correction M holds 213 bytes: 57 modules, readable when printed at 4 cm.
        assertThat(signer.sign(PAYLOAD).length()).isLessThanOrEqualTo(213);
    }

    @Test
    void changingAnySingleCharacterOfTheCodeIsRejected() {
        String code = signer.sign(PAYLOAD);
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            for (char replacement : replacementsFor(code.charAt(i))) {
                if (replacement == code.charAt(i)) {
                    continue;
                }
                String changed = code.substring(0, i) + replacement + code.substring(i + 1);
                try {
                    verifier.verify(changed);
                    accepted.add(i);
                } catch (ForgedTicketException expected) {
                    // refused, as it must be
                }
            }
        }
        assertThat(accepted).as("positions where a changed code was still accepted").isEmpty();
    }

    /**
     * For a base64url character: the ones differing from it in the lowest and the highest of its six
     * bits. The lowest bit of the last character may be an unused padding bit, the easiest change
     * to slip past a lenient decoder.
     */
    private static char[] replacementsFor(char c) {
        int index = ALPHABET.indexOf(c);
        if (index < 0) {
            return new char[] {'A', '.', '~'};
        }
        return new char[] {ALPHABET.charAt(index ^ 1), ALPHABET.charAt(index ^ 32)};
    }

    @Test
    void codeSignedWithAnotherKeyIsRejected() {
        TicketSigner otherBoxOffice = new TicketSigner(TicketKeys.generate().getPrivate());
        String code = otherBoxOffice.sign(PAYLOAD);

        assertThatThrownBy(() -> verifier.verify(code))
                .isInstanceOfSatisfying(ForgedTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void payloadWithAnotherSeatUnderTheOldSignatureIsRejected() {
        String genuine = signer.sign(PAYLOAD);
        TicketPayload betterSeat = TicketPayload.of(PAYLOAD.ticketId(), PAYLOAD.orderId(), PAYLOAD.performanceId(),
                "STALLS-A-1", PAYLOAD.issuedAt());
        // Made with the right format but without the key: the forger can write the payload, not sign it.
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(TicketCode.encodePayload(betterSeat));
        String oldSignature = genuine.substring(genuine.lastIndexOf('.') + 1);
        String forged = "BO1." + forgedPayload + "." + oldSignature;

        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(ForgedTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void everyTruncationOfTheCodeIsRejected() {
        String code = signer.sign(PAYLOAD);
        for (int length = 0; length < code.length(); length++) {
            String truncated = code.substring(0, length);
            assertThatThrownBy(() -> verifier.verify(truncated))
                    .as("code cut to %d characters", length)
                    .isInstanceOf(ForgedTicketException.class);
        }
    }

    @Test
    void codeWithSomethingAppendedIsRejected() {
        String code = signer.sign(PAYLOAD);

        for (String tail : List.of("A", ".", "==", " ", "\n", ".AAAA")) {
            assertThatThrownBy(() -> verifier.verify(code + tail)).isInstanceOf(ForgedTicketException.class);
        }
    }

    @Test
    void garbageIsRejectedAsMalformed() {
        List<String> garbage = new ArrayList<>(List.of("", "hello", "BO1.", "BO1..", "BO1.abc", "BO1.a.b.c",
                "BO1.!!!!.AAAA", "BO1.AAAA.AAAA", "bo1.AAAA.AAAA", "BO1.AAAA=.AAAA", "BO1.A.AAAA"));
        garbage.add(null);
        for (String code : garbage) {
            assertThatThrownBy(() -> verifier.verify(code))
                    .as("%s", code)
                    .isInstanceOfSatisfying(ForgedTicketException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void codeOfAnotherFormatVersionIsRejectedAsUnsupported() {
        String code = signer.sign(PAYLOAD);
        String future = "BO2." + code.substring(4);

        assertThatThrownBy(() -> verifier.verify(future))
                .isInstanceOfSatisfying(ForgedTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void signedPayloadOfAnotherVersionIsRejectedAsUnsupported() throws Exception {
        byte[] payload = TicketCode.encodePayload(PAYLOAD);
        payload[0] = 2;
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        ed25519.initSign(KEYS.getPrivate());
        ed25519.update(TicketCode.signedBytes(payload));
        String code = TicketCode.format(payload, ed25519.sign());

        assertThatThrownBy(() -> verifier.verify(code))
                .isInstanceOfSatisfying(ForgedTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void oversizedInputIsRejectedBeforeDecoding() {
        String justTooLong = "BO1." + "A".repeat(TicketCode.MAX_CODE_LENGTH - 4 - 87) + "." + "A".repeat(87);
        assertThat(justTooLong).hasSize(TicketCode.MAX_CODE_LENGTH + 1);
        assertThatThrownBy(() -> verifier.verify(justTooLong))
                .isInstanceOfSatisfying(ForgedTicketException.class,
                        e -> assertThat(e).hasMessageContaining("more than 1024 characters"));

        // Decoding and checking a mebibyte ten thousand times would take far longer than a second.
        String huge = "BO1." + "A".repeat(1 << 20) + "." + "A".repeat(86);
        assertTimeout(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 10_000; i++) {
                try {
                    verifier.verify(huge);
                } catch (ForgedTicketException expected) {
                    // refused
                }
            }
        });
    }

    @Test
    void signerRefusesIdsTooLongForACode() {
        String longId = "x".repeat(TicketPayload.MAX_ID_BYTES);
        TicketPayload payload = TicketPayload.of(longId, longId, longId, longId, 1);

        assertThatThrownBy(() -> signer.sign(payload)).isInstanceOf(InvalidTicketPayloadException.class);
    }

    @Test
    void payloadWithMissingOrOverlongFieldsIsRefused() {
        assertThatThrownBy(() -> TicketPayload.of(" ", "o", "p", "s", 1)).isInstanceOf(InvalidTicketPayloadException.class);
        assertThatThrownBy(() -> TicketPayload.of("t", "o", "p", null, 1)).isInstanceOf(InvalidTicketPayloadException.class);
        assertThatThrownBy(() -> TicketPayload.of("t", "o", "p", "s", -1)).isInstanceOf(InvalidTicketPayloadException.class);
        assertThatThrownBy(() -> TicketPayload.of("t", "o", "p", "é".repeat(101), 1))
                .isInstanceOf(InvalidTicketPayloadException.class);
        assertThatThrownBy(() -> new TicketPayload(2, "t", "o", "p", "s", 1))
                .isInstanceOf(InvalidTicketPayloadException.class);
    }

    @Test
    void payloadOfAnIssuedTicketCarriesItsFields() {
        TicketEntity ticket = TicketEntity.issue(PAYLOAD.ticketId(), PAYLOAD.orderId(), PAYLOAD.performanceId(),
                PAYLOAD.seatId(), 4500, java.time.Instant.ofEpochSecond(PAYLOAD.issuedAt(), 999_000_000));

        assertThat(TicketPayload.of(ticket)).isEqualTo(PAYLOAD);
    }
}
