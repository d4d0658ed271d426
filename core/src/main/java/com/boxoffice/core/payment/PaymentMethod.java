package com.boxoffice.core.payment;

/** How a buyer pays. */
public enum PaymentMethod {
    CASH, CARD,
    /**
     * The value of seats given back in an exchange, paid into the order that replaces them. No money
     * moves: it was taken by the order the seats came from.
     */
    CREDIT
}
