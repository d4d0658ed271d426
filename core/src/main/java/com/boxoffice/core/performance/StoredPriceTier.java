package com.boxoffice.core.performance;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code price_tier}: one {@link PriceTier} of the performance that owns it. */
@Embeddable
record StoredPriceTier(
        @Column(name = "category", nullable = false, length = 16) String category,
        @Column(name = "name", nullable = false, length = 100) String name,
        @Column(name = "price_minor", nullable = false) long priceMinor,
        @JdbcTypeCode(SqlTypes.CHAR) @Column(name = "currency", nullable = false, length = 3) String currency) {

    static StoredPriceTier from(PriceTier tier) {
        return new StoredPriceTier(tier.category(), tier.name(), tier.priceMinor(), tier.currency());
    }

    PriceTier toPriceTier() {
        return new PriceTier(category, name, priceMinor, currency);
    }
}
