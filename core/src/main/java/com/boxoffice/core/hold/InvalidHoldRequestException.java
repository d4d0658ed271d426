package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** A request that makes no sense (no seats, a seat twice, a count out of range). */
public class InvalidHoldRequestException extends BoxOfficeException {

    public InvalidHoldRequestException(String message) {
        super("INVALID_REQUEST", message);
    }
}
