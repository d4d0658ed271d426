package com.boxoffice.ui.common;

import com.boxoffice.core.hold.ExtensionLimitException;
import com.boxoffice.core.hold.HoldEndedException;
import com.boxoffice.core.hold.HoldExpiredException;
import com.boxoffice.core.hold.HoldStorageException;
import com.boxoffice.core.hold.LimitExceededException;
import com.boxoffice.core.hold.NotEnoughSeatsException;
import com.boxoffice.core.hold.NotOnSaleException;
import com.boxoffice.core.hold.SeatUnavailableException;
import com.boxoffice.core.sale.PaymentDeclinedException;
import com.boxoffice.core.sale.PaymentOutcomeUnknownException;
import com.boxoffice.core.sale.SaleFailedException;
import com.boxoffice.core.shared.BoxOfficeException;

import io.lettuce.core.RedisException;

/** What went wrong, said to a person at the window: what happened and what to do next. */
public final class Problems {

    private Problems() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        return switch (e) {
            case SeatUnavailableException x ->
                    "Someone else has just taken one of those seats. The map shows it now: pick other seats.";
            case NotEnoughSeatsException x ->
                    "There are not that many seats together in that price tier. Try fewer seats or another tier.";
            case LimitExceededException x -> "That is more seats than one buyer may have for this performance.";
            case NotOnSaleException x -> "This performance is not on sale at the moment.";
            case ExtensionLimitException x -> "This hold cannot be extended any more: take the payment now or start again.";
            case HoldExpiredException x -> "The hold ran out and the seats went back on sale. Pick the seats again.";
            case HoldEndedException x -> "The hold has already ended. Pick the seats again.";
            case PaymentDeclinedException x -> "The card was not accepted. Ask for another card or take cash.";
            case PaymentOutcomeUnknownException x ->
                    "The card terminal has not answered yet. Wait a moment and press Pay again: the card is never charged twice.";
            case SaleFailedException x -> "The seats were lost before the sale finished; any money taken was given back. "
                    + "Pick other seats.";
            case HoldStorageException x when x.getMessage() != null && x.getMessage().startsWith("This terminal is offline") ->
                    x.getMessage();
            case HoldStorageException x -> "The seat server cannot be reached. Check the network cable or Wi-Fi, then try again.";
            case RedisException x -> "The seat server cannot be reached. Check the network cable or Wi-Fi, then try again.";
            case BoxOfficeException x -> x.getMessage();
            default -> "Something went wrong (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Try again; if it keeps happening, call the manager.";
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
