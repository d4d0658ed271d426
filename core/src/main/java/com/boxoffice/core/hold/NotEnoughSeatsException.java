package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** Best available found no group of the wanted size together. */
public class NotEnoughSeatsException extends BoxOfficeException {

    public NotEnoughSeatsException(String message) {
        super("NOT_ENOUGH_SEATS", message);
    }
}
