package com.boxoffice.ui.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;

import com.boxoffice.core.staff.StaffDirectory;

/**
 * Which PINs take a kiosk out of kiosk mode: the kiosk's own PIN when one is set
 * ({@code boxoffice.client.kiosk-pin}), and any active manager's. An installed kiosk needs its own PIN:
 * its journal may hold no manager account at all, and staff must still be able to leave it.
 */
public final class KioskExitPin implements Predicate<String> {

    private final byte[] kioskPin;
    private final Predicate<String> managerPin;

    /**
     * @param kioskPin   the kiosk's own PIN, 4 to 8 digits; blank for none (managers' PINs only)
     * @param managerPin whether a PIN is an active manager's (slow: PINs are stored as slow hashes)
     * @throws IllegalArgumentException the kiosk PIN is neither blank nor 4 to 8 digits
     */
    public KioskExitPin(String kioskPin, Predicate<String> managerPin) {
        check(kioskPin);
        this.kioskPin = kioskPin.isBlank() ? null : kioskPin.getBytes(StandardCharsets.UTF_8);
        this.managerPin = managerPin;
    }

    /** Throws unless {@code kioskPin} is blank or 4 to 8 digits, saying which setting is wrong. */
    public static void check(String kioskPin) {
        if (kioskPin == null || !(kioskPin.isBlank() || StaffDirectory.isWellFormedPin(kioskPin))) {
            throw new IllegalArgumentException("boxoffice.client.kiosk-pin must be 4 to 8 digits (or left out to let only "
                    + "managers' PINs close the kiosk)");
        }
    }

    @Override
    public boolean test(String pin) {
        if (pin == null || pin.isEmpty()) {
            return false;
        }
        // compared in constant time, so how long a wrong PIN takes says nothing about the right one
        if (kioskPin != null && MessageDigest.isEqual(kioskPin, pin.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return managerPin.test(pin);
    }
}
