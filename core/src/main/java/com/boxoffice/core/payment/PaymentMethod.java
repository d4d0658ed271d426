package com.boxoffice.core.payment;

/** How a buyer pays. */
public enum PaymentMethod {
    CASH, CARD
}
