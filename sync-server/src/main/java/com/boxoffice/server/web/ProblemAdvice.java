package com.boxoffice.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.boxoffice.core.shared.BoxOfficeException;

/**
 * Every error as an RFC 7807 problem ({@code application/problem+json}): the server's own refusals,
 * the core's typed exceptions, Spring MVC's (bad JSON, wrong method, unknown path), validation
 * failures with the list of what is wrong, and anything unexpected as a 500 that gives nothing away.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sync\"");
        }
        if (e.retryAfterSeconds() > 0) {
            headers.add(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).headers(headers).body(problem);
    }

    @ExceptionHandler(BoxOfficeException.class)
    ResponseEntity<ProblemDetail> core(BoxOfficeException e) {
        HttpStatus status = switch (e.code()) {
            case "UNKNOWN_PERFORMANCE", "UNKNOWN_HOLD" -> HttpStatus.NOT_FOUND;
            case "CONFLICT", "SEAT_UNAVAILABLE", "NOT_ENOUGH_SEATS", "HOLD_ENDED", "HOLD_EXPIRED", "HOLD_CONFIRMED" -> HttpStatus.CONFLICT;
            case "NOT_ON_SALE" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(Problems.of(status, e.code().toLowerCase().replace('_', '-'), e.getMessage()));
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraints(jakarta.validation.ConstraintViolationException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> errors.add(new Problems.FieldError(String.valueOf(v.getPropertyPath()), v.getMessage())));
        errors.sort(Comparator.comparing(Problems.FieldError::field));
        return ResponseEntity.badRequest().body(Problems.invalid("The request is not valid; nothing was applied.", errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The server could not finish the request; nothing was lost, send it again later."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid("The request body is not valid; nothing was applied.",
                fieldErrors(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(Problems.invalid("The request is not valid; nothing was applied.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String why = cause == null || cause.getMessage() == null ? "unreadable" : firstLine(cause.getMessage());
        if (cause instanceof BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(Problems.invalid("The request body is not valid JSON of the expected shape; nothing was applied.",
                List.of(new Problems.FieldError("body", why))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring MVC's own problems (405, 404, 415 ...) get the same type base as ours.
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static List<Problems.FieldError> fieldErrors(BindingResult result) {
        List<Problems.FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(f -> errors.add(new Problems.FieldError(f.getField(), f.getDefaultMessage())));
        result.getGlobalErrors().forEach(g -> errors.add(new Problems.FieldError(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(Comparator.comparing(Problems.FieldError::field));
        return errors;
    }

    private static String firstLine(String message) {
        int cut = message.indexOf('\n');
        String line = cut < 0 ? message : message.substring(0, cut);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
