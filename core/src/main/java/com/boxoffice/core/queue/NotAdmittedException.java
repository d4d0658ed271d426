package com.boxoffice.core.queue;

import com.boxoffice.core.shared.BoxOfficeException;

/**
 * The entry has no live admission: never admitted ({@code NOT_ADMITTED}), admitted and ran out
 * ({@code ADMISSION_EXPIRED}), or finished by a purchase ({@code ADMISSION_FINISHED}).
 */
public class NotAdmittedException extends BoxOfficeException {

    public NotAdmittedException(String code, String message) {
        super(code, message);
    }
}
