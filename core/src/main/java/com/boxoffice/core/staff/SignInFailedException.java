package com.boxoffice.core.staff;

import com.boxoffice.core.shared.BoxOfficeException;

/**
 * The id and PIN do not make a sign-in. The same answer for an unknown id, a wrong PIN and a
 * deactivated account, so that trying ids tells nobody which exist.
 */
public class SignInFailedException extends BoxOfficeException {

    public SignInFailedException() {
        super("SIGN_IN_FAILED", "Unknown staff id or wrong PIN");
    }
}
