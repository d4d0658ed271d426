package com.boxoffice.server.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.boxoffice.server.web.ApiException;

class AdmissionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final AdmissionTokens tokens = new AdmissionTokens(secret("a"), Clock.fixed(NOW, ZoneOffset.UTC));

    private static byte[] secret(String fill) {
        return fill.repeat(32).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTokenAdmitsItsBuyerToItsPerformanceUntilItExpires() {
        String token = tokens.issue("perf-1", "buyer-7", "q-42", NOW.plusSeconds(600));

        AdmissionTokens.Admission admission = tokens.check("Bearer " + token, "perf-1");

        assertThat(admission).isEqualTo(new AdmissionTokens.Admission("perf-1", "buyer-7", "q-42", NOW.plusSeconds(600)));
    }

    @Test
    void aTokenForAnotherPerformanceIsForbidden() {
        String token = tokens.issue("perf-1", "buyer-7", "q-42", NOW.plusSeconds(600));

        assertThatThrownBy(() -> tokens.check("Bearer " + token, "perf-2"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("admission-for-another-performance");
                });
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue("perf-1", "buyer-7", "q-42", NOW.plusSeconds(60));
        AdmissionTokens later = new AdmissionTokens(secret("a"), Clock.fixed(NOW.plus(Duration.ofSeconds(61)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.check("Bearer " + token, "perf-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.type()).isEqualTo("admission-expired");
                });
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new AdmissionTokens(secret("b"), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("perf-1", "buyer-7", "q-42", NOW.plusSeconds(600));

        assertUnauthorized("Bearer " + forged);
    }

    @Test
    void aTokenWhosePayloadWasEditedIsRefused() {
        String token = tokens.issue("perf-1", "buyer-7", "q-42", NOW.plusSeconds(600));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("buyer-7", "buyer-8");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertUnauthorized("Bearer " + edited);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"boxoffice\",\"sub\":\"b\",\"jti\":\"q\",\"perf\":\"perf-1\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));

        assertUnauthorized("Bearer " + header + "." + payload + ".");
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertUnauthorized(null);
        assertUnauthorized("Basic abc");
        assertUnauthorized("Bearer not-a-token");
    }

    private void assertUnauthorized(String header) {
        assertThatThrownBy(() -> tokens.check(header, "perf-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.type()).isEqualTo("admission-required");
                });
    }
}
