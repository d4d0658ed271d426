package com.boxoffice.server.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.boxoffice.server.web.ApiException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} of the public API's holds and purchases, kept in PostgreSQL: the same
 * key with the same request is answered the same and does its work once; the same key with another
 * request is refused (422); while the first is still under way, a second is told to retry (409).
 *
 * <p>Refusals are stored as answered. A success is not: it is answered again by running the work
 * again, which for holds and purchases is idempotent all the way down (the hold id and the order id
 * derive from the key, a paid order answers its receipt), so no token ever lands in this table. An
 * answer that says the outcome is still open (202) is not kept either, so asking again asks anew.
 */
@Component
public class IdempotentRequests {

    /** A request under way for longer than this is taken to have died with its server. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final int MAX_KEY = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored form of a refusal. */
    private record Refusal(String type, String detail, Map<String, Object> properties) {
    }

    /**
     * Runs {@code work} once per (scope, key): see the class comment.
     *
     * @param request what identifies the request's content (its body, canonical); compared by hash
     * @param work    the request's work; refusals are thrown as {@link ApiException}
     */
    public <T> ResponseEntity<T> run(String scope, String key, String request, Supplier<ResponseEntity<T>> work) {
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("idempotency-key-required",
                    "Send an Idempotency-Key header (any unique text up to 100 characters) so a retried request is not done twice.");
        }
        if (key.length() > MAX_KEY) {
            throw ApiException.badRequest("invalid-idempotency-key", "An Idempotency-Key has at most 100 characters.");
        }
        String hash = sha256(request);
        Instant now = clock.instant();
        int inserted = jdbc.update("INSERT INTO online_request (scope, request_key, request_hash, started_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", scope, key, hash, Timestamp.from(now));
        if (inserted == 0) {
            replayOrTakeOver(scope, key, hash, now);
        }
        ResponseEntity<T> answer;
        try {
            answer = work.get();
        } catch (ApiException refused) {
            if (refused.status().is5xxServerError() || refused.retryAfterSeconds() > 0) {
                forget(scope, key);
            } else {
                jdbc.update("UPDATE online_request SET status = ?, problem = ? WHERE scope = ? AND request_key = ?",
                        refused.status().value(), JSON.writeValueAsString(new Refusal(refused.type(), refused.getMessage(),
                                refused.properties())), scope, key);
            }
            throw refused;
        } catch (RuntimeException | Error failure) {
            forget(scope, key);
            throw failure;
        }
        if (answer.getStatusCode().value() == HttpStatus.ACCEPTED.value()) {
            forget(scope, key);
        } else {
            jdbc.update("UPDATE online_request SET status = ? WHERE scope = ? AND request_key = ?",
                    answer.getStatusCode().value(), scope, key);
        }
        return answer;
    }

    /** A key seen before: refuse another request under it, replay a refusal, or carry on (a success, or an abandoned try). */
    private void replayOrTakeOver(String scope, String key, String hash, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request_hash, status, problem, started_at FROM online_request WHERE scope = ? AND request_key = ?", scope, key);
        if (rows.isEmpty()) {
            // forgotten in between (the first try failed): this one runs as new
            jdbc.update("INSERT INTO online_request (scope, request_key, request_hash, started_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", scope, key, hash, Timestamp.from(now));
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        Integer status = (Integer) row.get("status");
        if (status == null) {
            Timestamp started = (Timestamp) row.get("started_at");
            boolean abandoned = started.toInstant().isBefore(now.minus(ABANDONED));
            if (!abandoned || jdbc.update("UPDATE online_request SET started_at = ? WHERE scope = ? AND request_key = ?"
                    + " AND status IS NULL AND started_at = ?", Timestamp.from(now), scope, key, started) == 0) {
                throw ApiException.conflict("request-in-progress",
                        "The same request is still being worked on; ask again in a moment for its answer.");
            }
            return;
        }
        String problem = (String) row.get("problem");
        if (problem != null) {
            Refusal refusal = JSON.readValue(problem, Refusal.class);
            ApiException replay = new ApiException(HttpStatus.valueOf(status), refusal.type(), refusal.detail());
            new LinkedHashMap<>(refusal.properties() == null ? Map.of() : refusal.properties()).forEach(replay::with);
            throw replay;
        }
    }

    private void forget(String scope, String key) {
        jdbc.update("DELETE FROM online_request WHERE scope = ? AND request_key = ? AND status IS NULL", scope, key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
