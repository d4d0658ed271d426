package com.boxoffice.core.ticket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The text form of a signed ticket: {@code BO1.<payload>.<signature>}, both parts base64url without
 * padding. The payload is binary, so a code for UUID ids stays near 200 characters and fits a QR code
 * small enough to print at 4 cm and scan from a phone screen.
 *
 * <p>Payload bytes: the version, then ticket, order, performance and seat id, then issued-at as eight
 * big-endian bytes. An id that is a lowercase canonical UUID takes a marker byte and its 16 bytes;
 * any other id takes its UTF-8 length in one byte and the bytes.
 *
 * <p>The signature covers the prefix as well as the payload, so a payload cannot be replayed under
 * another format's prefix.
 */
final class TicketCode {

    static final String PREFIX = "BO" + TicketPayload.CURRENT_VERSION + ".";

    /** Codes longer than this are refused before any decoding; the signer never makes one. */
    static final int MAX_CODE_LENGTH = 1024;

    static final int SIGNATURE_BYTES = 64;

    private static final int UUID_MARKER = 0xFF;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TicketCode() {
    }

    static byte[] encodePayload(TicketPayload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        out.write(payload.version());
        writeId(out, payload.ticketId());
        writeId(out, payload.orderId());
        writeId(out, payload.performanceId());
        writeId(out, payload.seatId());
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(payload.issuedAt()).array());
        return out.toByteArray();
    }

    /** The bytes the signature covers. */
    static byte[] signedBytes(byte[] payload) {
        byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(prefix, prefix.length + payload.length);
        System.arraycopy(payload, 0, message, prefix.length, payload.length);
        return message;
    }

    static String format(byte[] payload, byte[] signature) {
        return PREFIX + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
    }

    /**
     * Decodes a base64url part, refusing anything but the one canonical spelling of its bytes. Base64
     * lets the last character carry unused bits; accepting those would let a code be changed without
     * changing what it says, and a scanner that keeps "seen codes" could then be fooled into a second entry.
     */
    static byte[] decodePart(String part) {
        if (part.isEmpty()) {
            throw malformed("an empty part");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                throw malformed("a character outside base64url");
            }
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("a part of impossible length");
        }
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw malformed("a part that is not canonical base64url");
        }
        return bytes;
    }

    static TicketPayload decodePayload(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int version = Byte.toUnsignedInt(in.get());
            if (version != TicketPayload.CURRENT_VERSION) {
                throw new ForgedTicketException(ForgedTicketException.Reason.UNSUPPORTED_VERSION,
                        "Ticket code payload has version " + version);
            }
            String ticketId = readId(in);
            String orderId = readId(in);
            String performanceId = readId(in);
            String seatId = readId(in);
            long issuedAt = in.getLong();
            if (in.hasRemaining()) {
                throw malformed("bytes after the payload");
            }
            TicketPayload payload = new TicketPayload(version, ticketId, orderId, performanceId, seatId, issuedAt);
            if (!Arrays.equals(encodePayload(payload), bytes)) {
                throw malformed("a payload that is not written the one way this format writes it");
            }
            return payload;
        } catch (java.nio.BufferUnderflowException e) {
            throw malformed("a truncated payload");
        } catch (InvalidTicketPayloadException e) {
            throw malformed("a payload field out of range");
        }
    }

    private static void writeId(ByteArrayOutputStream out, String id) {
        UUID uuid = canonicalUuid(id);
        if (uuid != null) {
            out.write(UUID_MARKER);
            out.writeBytes(ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits())
                    .array());
        } else {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            // TicketPayload keeps ids at MAX_ID_BYTES, which is below the marker.
            out.write(utf8.length);
            out.writeBytes(utf8);
        }
    }

    private static String readId(ByteBuffer in) {
        int head = Byte.toUnsignedInt(in.get());
        if (head == UUID_MARKER) {
            return new UUID(in.getLong(), in.getLong()).toString();
        }
        if (head > TicketPayload.MAX_ID_BYTES) {
            throw malformed("an id longer than allowed");
        }
        byte[] utf8 = new byte[head];
        in.get(utf8);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("an id that is not UTF-8");
        }
    }

    private static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ForgedTicketException malformed(String what) {
        return new ForgedTicketException(ForgedTicketException.Reason.MALFORMED, "Ticket code has " + what);
    }
}
