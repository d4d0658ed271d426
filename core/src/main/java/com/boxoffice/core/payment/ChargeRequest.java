package com.boxoffice.core.payment;

import java.util.Objects;

/**
 * A card charge.
 *
 * @param idempotencyKey the caller's key; the same key never charges twice
 * @param amountMinor    amount in minor units (cents), positive
 * @param currency       ISO 4217 code
 * @param description    what the buyer sees on the statement
 * @param simulate       what the simulated provider should do; ignored by real providers
 */
public record ChargeRequest(String idempotencyKey, long amountMinor, String currency, String description,
                            SimulatedOutcome simulate) {

    public ChargeRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A charge must be for a positive amount, not " + amountMinor);
        }
        if (simulate == null) {
            simulate = SimulatedOutcome.RANDOM;
        }
    }
}
