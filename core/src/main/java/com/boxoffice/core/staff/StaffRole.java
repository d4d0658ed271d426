package com.boxoffice.core.staff;

/** What a staff member may do at a terminal. */
public enum StaffRole {
    /** Sells at the window and runs a cash drawer. */
    CLERK,
    /** Everything a clerk does, plus overrides (leaving kiosk mode, closing anyone's shift). */
    MANAGER,
    /** The account a kiosk runs under: self-service selling and nothing else. */
    KIOSK
}
