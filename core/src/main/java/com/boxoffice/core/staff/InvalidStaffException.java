package com.boxoffice.core.staff;

import com.boxoffice.core.shared.BoxOfficeException;

/** An account that cannot be right: a PIN that is not 4 to 8 digits, an empty name, a malformed id. */
public class InvalidStaffException extends BoxOfficeException {

    public InvalidStaffException(String message) {
        super("INVALID_STAFF", message);
    }
}
