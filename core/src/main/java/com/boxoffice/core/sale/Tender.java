package com.boxoffice.core.sale;

import com.boxoffice.core.payment.SimulatedOutcome;

/** One way the buyer pays part (or all) of an order. Several tenders make a split payment. */
public sealed interface Tender {

    /** The part of the order this tender pays, in minor units. */
    long amountMinor();

    /** Cash at the window; {@code tenderedMinor} is what was handed over, the rest is change. */
    record Cash(long amountMinor, long tenderedMinor) implements Tender {
    }

    /**
     * A card through the payment provider.
     *
     * @param simulate what the simulated card terminal should do (ignored by real providers)
     */
    record Card(long amountMinor, SimulatedOutcome simulate) implements Tender {
    }
}
