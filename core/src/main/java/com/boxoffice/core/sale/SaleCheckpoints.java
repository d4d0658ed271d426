package com.boxoffice.core.sale;

/**
 * Told each time a sale has durably reached a step. Production code passes {@link #NONE}; crash
 * tests stop a sale at a chosen step by throwing from here, then check what a restart recovers.
 */
@FunctionalInterface
public interface SaleCheckpoints {

    SaleCheckpoints NONE = (step, orderId) -> {
    };

    void reached(SaleStep step, String orderId);
}
