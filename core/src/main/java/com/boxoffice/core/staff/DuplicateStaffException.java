package com.boxoffice.core.staff;

import com.boxoffice.core.shared.BoxOfficeException;

/** An account with this id already exists. */
public class DuplicateStaffException extends BoxOfficeException {

    public DuplicateStaffException(String staffId) {
        super("DUPLICATE_STAFF", "A staff account with id " + staffId + " already exists");
    }
}
