package com.boxoffice.core.venue;

/**
 * A category of seats that a performance sells at one price (a price tier).
 *
 * @param code  short code used in seats and keys, e.g. "A"
 * @param name  name shown to people, e.g. "Premium"
 * @param color map colour as {@code #rrggbb}
 */
public record PriceCategory(String code, String name, String color) {
}
