package com.boxoffice.core.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow PIN hashes with the JDK's PBKDF2WithHmacSHA256, written as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64) so the work factor can be raised later
 * without invalidating stored hashes.
 *
 * <p>A PIN of 4 to 8 digits has at most 10^8 values: no hash stops a patient offline search through
 * a stolen database. The salt rules out precomputed tables and the iterations make each guess cost;
 * against guessing at a terminal, the lock-out after wrong PINs is what protects the account.
 */
final class PinHashes {

    static final int ITERATIONS = 120_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checked against when an id is unknown, so that answer takes as long as a wrong PIN. */
    static final String DECOY = hash("00000000");

    private PinHashes() {
    }

    static String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(pin, salt, ITERATIONS, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /** Whether {@code pin} is the PIN {@code stored} was made from; compares in constant time. */
    static boolean matches(String pin, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalStateException("Not a PIN hash this version can check");
        }
        int iterations = Integer.parseInt(parts[1]);
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[2]);
        byte[] expected = b64.decode(parts[3]);
        // An empty or missing PIN is hashed too (as a value no real PIN can be), so it costs the same.
        boolean usable = pin != null && !pin.isEmpty();
        byte[] actual = derive(usable ? pin : "\u0000", salt, iterations, expected.length * 8);
        return MessageDigest.isEqual(expected, actual) && usable;
    }

    private static byte[] derive(String pin, byte[] salt, int iterations, int bits) {
        char[] chars = pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK, yet is missing", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
