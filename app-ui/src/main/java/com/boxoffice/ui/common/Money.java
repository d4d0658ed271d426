package com.boxoffice.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units (cents) shown to and read from people. */
public final class Money {

    private Money() {
    }

    /** "€45.00" style, with the currency's own symbol and decimals. */
    public static String format(long minor, String currency) {
        Currency c = Currency.getInstance(currency == null ? "EUR" : currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(c);
        return format.format(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()));
    }

    /**
     * Reads what a clerk typed ("50", "50.5", "50,50", "€ 50.00") as minor units, or -1 when it is not
     * an amount.
     */
    public static long parse(String text, String currency) {
        if (text == null) {
            return -1;
        }
        String cleaned = text.replaceAll("[^0-9.,]", "").replace(',', '.');
        if (cleaned.isEmpty() || cleaned.indexOf('.') != cleaned.lastIndexOf('.')) {
            return -1;
        }
        try {
            int digits = Currency.getInstance(currency == null ? "EUR" : currency).getDefaultFractionDigits();
            BigDecimal value = new BigDecimal(cleaned);
            if (value.scale() > digits) {
                return -1;
            }
            return value.setScale(digits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
