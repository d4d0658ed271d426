package com.boxoffice.core.queue;

import com.boxoffice.core.shared.BoxOfficeException;

/** No waiting-room entry has this id. */
public class UnknownQueueEntryException extends BoxOfficeException {

    public UnknownQueueEntryException(String message) {
        super("UNKNOWN_QUEUE_ENTRY", message);
    }
}
