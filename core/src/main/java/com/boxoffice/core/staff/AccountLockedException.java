package com.boxoffice.core.staff;

import java.time.Instant;

import com.boxoffice.core.shared.BoxOfficeException;

/** Too many wrong PINs in a row: no PIN is checked for this account until {@link #unlocksAt()}. */
public class AccountLockedException extends BoxOfficeException {

    private final Instant unlocksAt;

    public AccountLockedException(Instant unlocksAt) {
        super("ACCOUNT_LOCKED", "Too many wrong PINs; try again at " + unlocksAt);
        this.unlocksAt = unlocksAt;
    }

    public Instant unlocksAt() {
        return unlocksAt;
    }
}
