package com.boxoffice.core.hold;

/** Where a hold is in its life. */
public enum HoldStatus {
    HELD, CONFIRMED, RELEASED, EXPIRED
}
