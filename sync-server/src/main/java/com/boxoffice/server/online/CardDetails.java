package com.boxoffice.server.online;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.boxoffice.core.payment.SimulatedOutcome;
import com.boxoffice.server.web.Problems;

/**
 * A card as the buyer typed it, checked before anything is charged. Only the outcome it asks the
 * simulated gateway for and its last four digits leave this class; the number is never stored.
 */
public record CardDetails(String cardNumber, String expiry, String cvc, String name) {

    /** Test cards of the simulated gateway and what each does; any other valid number takes its chances. */
    static final Map<String, SimulatedOutcome> TEST_CARDS = Map.of(
            "4242424242424242", SimulatedOutcome.APPROVE,
            "4000000000000002", SimulatedOutcome.DECLINE,
            "4000000000000259", SimulatedOutcome.TIMEOUT_CHARGED,
            "4000000000000267", SimulatedOutcome.TIMEOUT_NOT_CHARGED);

    /** What is wrong with the card, field by field; empty when it may be charged. */
    List<Problems.FieldError> problems(YearMonth now) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String digits = digits();
        if (digits.length() < 12 || digits.length() > 19 || !luhn(digits)) {
            errors.add(new Problems.FieldError("payment.cardNumber", "Check the card number: it is not a valid card number."));
        }
        YearMonth expires = expires();
        if (expires == null) {
            errors.add(new Problems.FieldError("payment.expiry", "Give the expiry date as MM/YY, as printed on the card."));
        } else if (expires.isBefore(now)) {
            errors.add(new Problems.FieldError("payment.expiry", "This card has expired; use another card."));
        }
        if (cvc == null || !cvc.matches("\\d{3,4}")) {
            errors.add(new Problems.FieldError("payment.cvc", "The security code is the 3 or 4 digits on the card."));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new Problems.FieldError("payment.name", "Give the name on the card."));
        }
        return errors;
    }

    /** What the simulated gateway should do with this card. */
    SimulatedOutcome outcome() {
        return TEST_CARDS.getOrDefault(digits(), SimulatedOutcome.RANDOM);
    }

    private String digits() {
        return cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
    }

    private YearMonth expires() {
        if (expiry == null || !expiry.trim().matches("\\d{2}\\s*/\\s*\\d{2}")) {
            return null;
        }
        String[] parts = expiry.trim().split("\\s*/\\s*");
        int month = Integer.parseInt(parts[0]);
        return month < 1 || month > 12 ? null : YearMonth.of(2000 + Integer.parseInt(parts[1]), month);
    }

    private static boolean luhn(String digits) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        String digits = digits();
        return "card ending " + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "?");
    }
}
