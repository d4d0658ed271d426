package com.boxoffice.server.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** How every error of the server is spelled: RFC 7807, with a type URI under one base. */
public final class Problems {

    public static final String TYPE_BASE = "https://boxoffice.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        return of(status, type, status.getReasonPhrase(), detail);
    }

    /** A problem listing what is wrong with each field of a request body. */
    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One thing wrong with a request: where (a JSON path like {@code sales[3].seats}) and what. */
    public record FieldError(String field, String message) {
    }
}
