package com.boxoffice.core.shift;

import com.boxoffice.core.shared.BoxOfficeException;

/** The terminal's drawer is already in an open shift, which must be closed first. */
public class ShiftAlreadyOpenException extends BoxOfficeException {

    private final String openShiftId;

    public ShiftAlreadyOpenException(String terminalId, String openShiftId) {
        super("SHIFT_ALREADY_OPEN", "Terminal " + terminalId + " already has open shift " + openShiftId);
        this.openShiftId = openShiftId;
    }

    /** The shift that is open on the terminal. */
    public String openShiftId() {
        return openShiftId;
    }
}
