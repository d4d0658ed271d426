package com.boxoffice.core.performance;

/** What a terminal that has lost its connection may sell for a performance. */
public enum OfflinePolicy {
    /** Only the seats allocated to the terminal beforehand. */
    ALLOCATED_ONLY,
    /** Also seats its last snapshot showed free, at the risk of a conflict resolved on sync. */
    AT_RISK_ALLOWED
}
