package com.boxoffice.server.terminal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Terminal credentials: {@code <terminalId>.<secret>}, the secret 32 random bytes in base64url.
 *
 * <p>Only the SHA-256 of the secret is stored. A fast hash is right here, unlike for a PIN: the
 * secret has 256 bits of entropy, so nobody can guess it from its hash, and a slow hash on every
 * sync request would cap how many batches a server can take.
 */
public final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials() {
    }

    /** A new secret, shown to the caller once and never stored. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether the secret matches the stored hash, in time that does not depend on where they differ. */
    public static boolean matches(String secret, String storedHash) {
        byte[] given = hash(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, stored);
    }

    /** A credential taken apart: {@code Bearer <id>.<secret>}; null when the header is not one. */
    public static Presented parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = authorization.substring(7).strip();
        int cut = value.lastIndexOf('.');
        if (cut <= 0 || cut == value.length() - 1) {
            return null;
        }
        return new Presented(value.substring(0, cut), value.substring(cut + 1));
    }

    /** What a caller presented: who it says it is and its secret. */
    public record Presented(String id, String secret) {
    }
}
