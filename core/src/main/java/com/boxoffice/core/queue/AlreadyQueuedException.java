package com.boxoffice.core.queue;

import com.boxoffice.core.shared.BoxOfficeException;

/** The buyer already has a live place in this waiting room, joined from another browser or device. */
public class AlreadyQueuedException extends BoxOfficeException {

    public AlreadyQueuedException(String message) {
        super("ALREADY_QUEUED", message);
    }
}
