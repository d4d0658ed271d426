package com.boxoffice.core.hold;

import com.boxoffice.core.shared.BoxOfficeException;

/** The hold has been extended as often as the performance allows. */
public class ExtensionLimitException extends BoxOfficeException {

    public ExtensionLimitException(String message) {
        super("EXTENSION_LIMIT", message);
    }
}
