package com.boxoffice.server.online;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.springframework.http.HttpStatus;

import com.boxoffice.server.web.ApiException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Admission tokens of the public waiting room: a signed JWT (HMAC-SHA256) naming the performance
 * (claim {@code perf}), the buyer ({@code sub}) and the queue entry ({@code jti}) it admits, with an
 * expiry. Every server instance configured with the same secret issues and accepts the same tokens,
 * so admission needs no lookup. Thread-safe.
 */
public final class AdmissionTokens {

    private static final String ISSUER = "boxoffice";
    private static final String PERFORMANCE = "perf";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    /** @param secret at least 32 bytes */
    public AdmissionTokens(byte[] secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("An admission-token secret needs at least 32 bytes", e);
        }
        this.clock = clock;
    }

    /** What a valid token admits. */
    public record Admission(String performanceId, String buyer, String queueId, Instant expiresAt) {
    }

    /** A token admitting {@code buyer} (queue entry {@code queueId}) to buy for one performance until {@code expiresAt}. */
    public String issue(String performanceId, String buyer, String queueId, Instant expiresAt) {
        Objects.requireNonNull(performanceId, "performanceId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(queueId, "queueId");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(buyer)
                .jwtID(queueId)
                .claim(PERFORMANCE, performanceId)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an admission token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks an {@code Authorization} header's bearer token for a call on {@code performanceId}.
     *
     * @throws ApiException 401 ({@code admission-required}) when there is no token, it is not one
     *                      of ours, its signature fails or it has expired; 403
     *                      ({@code admission-for-another-performance}) when it admits to another
     *                      performance
     */
    public Admission check(String authorizationHeader, String performanceId) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("This call needs an admission token (Authorization: Bearer <token>); join the queue for the performance to get one");
        }
        Admission admission = verify(authorizationHeader.substring(7).trim());
        if (!admission.performanceId().equals(performanceId)) {
            throw ApiException.forbidden("admission-for-another-performance",
                    "This admission token is for another performance; join the queue for this one");
        }
        return admission;
    }

    /** The admission a token carries, once its signature and expiry are checked. */
    public Admission verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw unauthorized("The admission token is not readable; join the queue again");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw unauthorized("The admission token's signature does not check out; join the queue again");
            }
        } catch (JOSEException e) {
            throw unauthorized("The admission token's signature does not check out; join the queue again");
        }
        Date expiry = claims.getExpirationTime();
        Object performance = claims.getClaim(PERFORMANCE);
        if (!ISSUER.equals(claims.getIssuer()) || expiry == null || claims.getSubject() == null
                || claims.getJWTID() == null || !(performance instanceof String performanceId)) {
            throw unauthorized("The admission token is missing what it must name; join the queue again");
        }
        if (!expiry.toInstant().isAfter(clock.instant())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "admission-expired",
                    "Your admission has expired; join the queue again");
        }
        return new Admission(performanceId, claims.getSubject(), claims.getJWTID(), expiry.toInstant());
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "admission-required", detail);
    }
}
