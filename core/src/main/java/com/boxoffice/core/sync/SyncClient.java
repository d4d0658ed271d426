package com.boxoffice.core.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The terminal's side of the sync API: posts batches with the terminal's credential. Every failure
 * comes back as one of two exceptions, so the caller only decides between "try again later" and
 * "someone must act".
 */
public class SyncClient {

    private final HttpClient http;
    private final URI base;
    private final String credential;
    private final Duration timeout;

    /**
     * @param base       the sync server, e.g. {@code http://sync.example:8080}
     * @param credential the terminal's credential as registration gave it ({@code terminalId.secret})
     * @param timeout    how long one call may take before the server counts as unreachable
     */
    public SyncClient(URI base, String credential, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Delivers a batch; the server's outcome for each sale. */
    public SyncAnswer send(SyncBatch batch) {
        return post(terminal(base.resolve("/sync/v1/batches")), batch, SyncAnswer.class, "a batch answer");
    }

    /** Delivers a batch of refunds; the server's outcome for each. */
    public SyncRefundAnswer sendRefunds(SyncRefundBatch batch) {
        return post(terminal(base.resolve("/sync/v1/refunds")), batch, SyncRefundAnswer.class, "an answer to refunds");
    }

    /**
     * Conflicts in a status (OPEN or RESOLVED), oldest first; needs a manager terminal's credential.
     *
     * @param staffId the manager signed in at this terminal, whom the server must know as an active manager
     */
    public List<SyncConflict> conflicts(String status, String staffId) {
        HttpRequest request = manager(base.resolve("/sync/v1/conflicts?status=" + encode(status)), staffId)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = call(request);
        if (response.statusCode() != 200) {
            throw refusedOrUnavailable(response);
        }
        return List.of(read(response.body(), SyncConflict[].class, "a list of conflicts"));
    }

    /**
     * A manager's decision on a conflict: ACCEPT_RESEAT, REFUND, or MOVE to {@code seatIds}.
     *
     * @return the conflict as the server now has it
     */
    public SyncConflict resolve(String conflictId, String action, List<String> seatIds, String note, String staffId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (seatIds != null && !seatIds.isEmpty()) {
            body.put("seatIds", seatIds);
        }
        body.put("note", note);
        return post(manager(base.resolve("/sync/v1/conflicts/" + encode(conflictId) + "/resolve"), staffId), body,
                SyncConflict.class, "a conflict");
    }

    /**
     * A manager blocks (BLOCK, with a reason), unblocks (UNBLOCK), allocates to a terminal (ALLOCATE)
     * or takes back from it (DEALLOCATE) seats of a performance, live and durably on the server.
     * Seats the action does not apply to (held, sold, allocated to another terminal) are left as
     * they are and answered unchanged; sending the same call again changes nothing more.
     *
     * @param reason     why the seats are blocked; required for BLOCK, else may be null
     * @param terminalId the terminal; required for ALLOCATE and DEALLOCATE, else may be null
     * @param staffId    the manager signed in at this terminal, whom the server must know as an active manager
     */
    public SyncSeatsAnswer seats(String performanceId, String action, List<String> seatIds, String reason, String terminalId,
                                 String staffId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("seatIds", seatIds);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (terminalId != null) {
            body.put("terminalId", terminalId);
        }
        return post(manager(base.resolve("/sync/v1/performances/" + encode(performanceId) + "/seats"), staffId), body,
                SyncSeatsAnswer.class, "an answer about seats");
    }

    /** Posts {@code body} as JSON; the 200 answer read as {@code type}, anything else thrown as refused or unavailable. */
    private <T> T post(HttpRequest.Builder call, Object body, Class<T> type, String what) {
        HttpRequest request = call
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TerminalOutbox.JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = call(request);
        if (response.statusCode() != 200) {
            throw refusedOrUnavailable(response);
        }
        return read(response.body(), type, what);
    }

    /** A terminal's own call: its credential. */
    private HttpRequest.Builder terminal(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + credential);
    }

    /** A management call: the terminal's credential and the manager it is made for. */
    private HttpRequest.Builder manager(URI uri, String staffId) {
        if (staffId == null || staffId.isBlank()) {
            throw new IllegalArgumentException("A manager's call names the signed-in manager's staff id");
        }
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + credential)
                .header("X-Staff-Id", staffId.strip());
    }

    private <T> T read(String body, Class<T> type, String what) {
        try {
            return TerminalOutbox.JSON.readValue(body, type);
        } catch (JacksonException e) {
            throw new SyncUnavailableException("The sync server answered something that is not " + what, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** True when the server answers its health check; never throws. */
    public boolean reachable() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(timeout).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SyncUnavailableException("The sync server at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncUnavailableException("Interrupted while talking to the sync server", e);
        }
    }

    /** 5xx and 429 are the server's trouble (try again); other answers mean the terminal must change something. */
    private static RuntimeException refusedOrUnavailable(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode problem = problem(response.body());
        String detail = problemDetail(problem, response.body());
        if (status >= 500 || status == 429) {
            return new SyncUnavailableException("The sync server is not able to take sales now (" + status + "): " + detail,
                    null);
        }
        return new SyncRefusedException(status, problemType(problem), detail);
    }

    private static JsonNode problem(String body) {
        try {
            return body == null || body.isBlank() ? null : TerminalOutbox.JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String problemDetail(JsonNode problem, String body) {
        if (problem == null || !problem.isObject()) {
            return body == null || body.isBlank() ? "no detail given" : body;
        }
        String detail = problem.path("detail").asString("");
        return detail.isBlank() ? problem.path("title").asString(body) : detail;
    }

    /** "https://host/problems/seat-unavailable" as "seat-unavailable". */
    private static String problemType(JsonNode problem) {
        if (problem == null || !problem.isObject()) {
            return null;
        }
        String type = problem.path("type").asString("");
        return type.isBlank() ? null : type.substring(type.lastIndexOf('/') + 1);
    }
}
