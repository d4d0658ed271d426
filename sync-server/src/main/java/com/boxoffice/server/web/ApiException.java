package com.boxoffice.server.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the web edge answers as an RFC 7807 problem: the status, a stable type (the last part
 * of the problem's type URI) and a sentence that says what to do.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final long retryAfterSeconds;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String type, String detail) {
        this(status, type, detail, 0);
    }

    private ApiException(HttpStatus status, String type, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many calls from one client: answered 429 with a {@code Retry-After} header. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, retryAfterSeconds);
    }

    /** Adds a member to the problem beside type, title, status and detail (e.g. the seats that were taken). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The problem's extra members. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Seconds the client should wait before calling again; 0 when it need not wait. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** Refused for a reason a terminal's client can tell apart ({@code terminal-revoked}, {@code not-a-manager}...). */
    public static ApiException forbidden(String type, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, type, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, detail);
    }

    public static ApiException badRequest(String type, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, type, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }
}
