package com.boxoffice.core.hold;

import java.util.List;

import com.boxoffice.core.shared.BoxOfficeException;

/** The hold ran out; when it is a confirm that failed, {@link #takenSeatIds()} names seats sold since. */
public class HoldExpiredException extends BoxOfficeException {

    private final List<String> takenSeatIds;

    public HoldExpiredException(String message, List<String> takenSeatIds) {
        super("HOLD_EXPIRED", message);
        this.takenSeatIds = List.copyOf(takenSeatIds);
    }

    public List<String> takenSeatIds() {
        return takenSeatIds;
    }
}
