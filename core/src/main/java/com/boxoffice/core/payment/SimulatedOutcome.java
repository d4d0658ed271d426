package com.boxoffice.core.payment;

/** What the simulated provider does with one charge: chosen at a test card terminal, or left to chance. */
public enum SimulatedOutcome {
    /** Decline or time out at the configured rates, else approve. */
    RANDOM,
    APPROVE,
    DECLINE,
    /** No answer in time, and the charge did go through. */
    TIMEOUT_CHARGED,
    /** No answer in time, and the charge never happened. */
    TIMEOUT_NOT_CHARGED
}
