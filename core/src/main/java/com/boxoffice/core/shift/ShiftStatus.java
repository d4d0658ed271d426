package com.boxoffice.core.shift;

/** Whether a shift's drawer is still in use. */
public enum ShiftStatus {
    OPEN, CLOSED
}
