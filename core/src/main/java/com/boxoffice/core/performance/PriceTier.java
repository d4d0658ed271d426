package com.boxoffice.core.performance;

/**
 * The price of one venue price category at one performance.
 *
 * @param category   venue price category code
 * @param name       name shown to people
 * @param priceMinor price in minor units (cents) of {@code currency}
 * @param currency   ISO 4217 code
 */
public record PriceTier(String category, String name, long priceMinor, String currency) {
}
