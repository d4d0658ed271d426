package com.boxoffice.core.staff;

import com.boxoffice.core.shared.BoxOfficeException;

/** No staff account has this id. Never thrown at sign-in, which does not say whether an id exists. */
public class UnknownStaffException extends BoxOfficeException {

    public UnknownStaffException(String staffId) {
        super("UNKNOWN_STAFF", "No staff account " + staffId);
    }
}
