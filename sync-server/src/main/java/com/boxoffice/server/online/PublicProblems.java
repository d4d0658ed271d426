package com.boxoffice.server.online;

import org.springframework.http.HttpStatus;

import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.shared.BoxOfficeException;
import com.boxoffice.server.web.ApiException;

/**
 * The core's refusals of an online buyer's hold or purchase, as the buyer should read them: what
 * happened and what to do next, in the buyer's words rather than the operator's.
 */
final class PublicProblems {

    private PublicProblems() {
    }

    /** A refusal of a hold. */
    static ApiException ofHold(BoxOfficeException e, Performance performance) {
        if (e.code().equals("INVALID_REQUEST")) {
            return ApiException.badRequest("invalid-request", e.getMessage());
        }
        return of(e, performance);
    }

    /** A refusal of a purchase. */
    static ApiException of(BoxOfficeException e, Performance performance) {
        return switch (e.code()) {
            case "SEAT_UNAVAILABLE" -> ApiException.conflict("seat-unavailable",
                    "Some of these seats were taken a moment ago; choose other seats.")
                    .with("seats", ((SeatUnavailableException) e).seatIds());
            case "NOT_ENOUGH_SEATS" -> ApiException.conflict("not-enough-seats",
                    "There are not that many seats together at that price any more; ask for fewer seats or another price.");
            case "LIMIT_EXCEEDED" -> ApiException.badRequest("limit-exceeded", "You may have at most "
                    + performance.perBuyerLimit() + " seats for this performance, counting those you hold and have bought.");
            case "UNKNOWN_SEAT" -> ApiException.badRequest("unknown-seat", "One of the seats is not in this venue; "
                    + "choose seats on the map.");
            case "NOT_ON_SALE" -> ApiException.conflict("not-on-sale", "This performance is not on sale at the moment.");
            case "PAYMENT_DECLINED" -> new ApiException(HttpStatus.PAYMENT_REQUIRED, "payment-declined",
                    "The card was declined and nothing was taken; the seats are still held for you. Pay with another card.");
            case "SALE_FAILED" -> ApiException.conflict("seats-lost", "Your hold ran out and the seats were sold to "
                    + "someone else; any money taken has been given back. Hold other seats.");
            case "INVALID_REQUEST" -> ApiException.conflict("hold-ended", "This hold has ended (released or run out); "
                    + "hold seats again.");
            case "UNKNOWN_ORDER", "UNKNOWN_HOLD" -> new ApiException(HttpStatus.NOT_FOUND, "unknown-hold",
                    "There is no such hold; hold seats again.");
            default -> ApiException.badRequest(e.code().toLowerCase().replace('_', '-'), e.getMessage());
        };
    }
}
