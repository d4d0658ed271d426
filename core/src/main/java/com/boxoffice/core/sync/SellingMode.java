package com.boxoffice.core.sync;

/** How a terminal took the seats of a sale, which tells the sync server how far to trust it. */
public enum SellingMode {
    /** Through the live seat state (Redis): the seats were the terminal's when it sold them. */
    ONLINE,
    /** Offline, from seats allocated to the terminal beforehand: nobody else could sell them. */
    ALLOCATED,
    /** Offline, from seats the terminal's last snapshot showed free: someone may have sold them since. */
    AT_RISK
}
