package com.boxoffice.core.ticket;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

/**
 * Checks a ticket code with only the public key, so a door scanner can admit or refuse offline.
 * Whether the ticket was since refunded, or already used tonight, is for the scanner's list of
 * seen and voided tickets; this answers only "did the box office issue exactly this". Thread-safe.
 */
public final class TicketVerifier {

    private final PublicKey publicKey;

    public TicketVerifier(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (!TicketKeys.isEd25519(publicKey)) {
            throw new TicketKeyException("A ticket verification key must be Ed25519, got " + publicKey.getAlgorithm());
        }
    }

    /**
     * What the code says, if it was signed with the private key matching this verifier's public key
     * and not changed since.
     *
     * @throws ForgedTicketException for anything else: a changed character, another key's signature,
     *                               an unknown format, truncated or oversized input
     */
    public TicketPayload verify(String code) {
        if (code == null || code.isEmpty()) {
            throw TicketCode.malformed("no content");
        }
        if (code.length() > TicketCode.MAX_CODE_LENGTH) {
            throw TicketCode.malformed("more than " + TicketCode.MAX_CODE_LENGTH + " characters");
        }
        if (!code.startsWith(TicketCode.PREFIX)) {
            if (code.matches("BO[0-9]+\\..*")) {
                throw new ForgedTicketException(ForgedTicketException.Reason.UNSUPPORTED_VERSION,
                        "Ticket code is of a format this scanner does not read");
            }
            throw TicketCode.malformed("no ticket code prefix");
        }
        String body = code.substring(TicketCode.PREFIX.length());
        int dot = body.indexOf('.');
        if (dot < 0 || body.indexOf('.', dot + 1) >= 0) {
            throw TicketCode.malformed("not exactly a payload and a signature");
        }
        byte[] payload = TicketCode.decodePart(body.substring(0, dot));
        byte[] signature = TicketCode.decodePart(body.substring(dot + 1));
        if (signature.length != TicketCode.SIGNATURE_BYTES) {
            throw TicketCode.malformed("a signature of the wrong length");
        }
        if (!signatureMatches(TicketCode.signedBytes(payload), signature)) {
            throw new ForgedTicketException(ForgedTicketException.Reason.BAD_SIGNATURE,
                    "Ticket code signature does not match its content");
        }
        return TicketCode.decodePayload(payload);
    }

    private boolean signatureMatches(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance(TicketKeys.ALGORITHM);
            ed25519.initVerify(publicKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (SignatureException e) {
            // The JDK throws rather than answers false for some impossible signatures.
            return false;
        } catch (InvalidKeyException e) {
            throw new TicketKeyException("Cannot verify with the ticket key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Ed25519 is not available: " + e.getMessage());
        }
    }
}
