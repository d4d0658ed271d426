package com.boxoffice.core.sale;

/** Why seats of an order were given back. */
public enum RefundKind {
    /** For money. */
    REFUND,
    /** For other seats of the same performance, in a new order. */
    EXCHANGE
}
