package com.boxoffice.core.performance;

/** Where a sale is made. */
public enum Channel {
    BOX_OFFICE, KIOSK, ONLINE
}
