package com.boxoffice.core.ticket;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Turns ticket content into a code that only the holder of the private key can make, and anyone with
 * the public key can check offline (a door scanner without a network). Thread-safe.
 */
public final class TicketSigner {

    private final PrivateKey privateKey;

    public TicketSigner(PrivateKey privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!TicketKeys.isEd25519(privateKey)) {
            throw new TicketKeyException("A ticket signing key must be Ed25519, got " + privateKey.getAlgorithm());
        }
    }

    /** The signed code, {@code BO1.<payload>.<signature>}, at most 1,024 characters. */
    public String sign(TicketPayload payload) {
        Objects.requireNonNull(payload, "payload");
        byte[] bytes = TicketCode.encodePayload(payload);
        String code = TicketCode.format(bytes, signature(TicketCode.signedBytes(bytes)));
        if (code.length() > TicketCode.MAX_CODE_LENGTH) {
            throw new InvalidTicketPayloadException("Ticket ids are too long for a ticket code ("
                    + code.length() + " characters, at most " + TicketCode.MAX_CODE_LENGTH + ")");
        }
        return code;
    }

    private byte[] signature(byte[] message) {
        try {
            // A Signature object holds state between calls; one per call keeps the signer thread-safe.
            Signature ed25519 = Signature.getInstance(TicketKeys.ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Cannot sign with the ticket key: " + e.getMessage());
        }
    }
}
