package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hold ids and the secret tokens that go with them.
 *
 * <p>A token is an HMAC of the hold id under a server secret, so the same hold request sent twice
 * gets the same token back without the token ever being stored: the stores keep only its SHA-256.
 * A hold id starts with its performance id, so a call that carries only the hold id still reaches
 * the right performance (and, on Redis Cluster, the right shard).
 */
public final class HoldTokens {

    private static final char SEPARATOR = '.';
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private final byte[] secret;
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public HoldTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The hold token secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** Tokens that stay valid only as long as this process: fine for a single terminal or tests. */
    public static HoldTokens withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new HoldTokens(secret);
    }

    /** A hold id for a request; the same request id always gives the same hold id. */
    public String holdId(String performanceId, String requestId) {
        String suffix = requestId == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((performanceId + SEPARATOR + requestId).getBytes(StandardCharsets.UTF_8)).toString();
        return performanceId + SEPARATOR + suffix;
    }

    /** The performance a hold id belongs to, or null when the id is not one of ours. */
    public static String performanceOf(String holdId) {
        if (holdId == null) {
            return null;
        }
        int cut = holdId.lastIndexOf(SEPARATOR);
        return cut <= 0 ? null : holdId.substring(0, cut);
    }

    public String token(String holdId) {
        byte[] sum = mac.get().doFinal(holdId.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
    }

    /** What the stores keep and compare instead of the token itself. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
