package com.boxoffice.ui.boxoffice;

import java.util.List;
import java.util.UUID;

import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.ExchangeFailedException;
import com.boxoffice.core.sale.ExchangeReceipt;
import com.boxoffice.core.sale.ExchangeRequest;
import com.boxoffice.core.sale.InvalidSaleRequestException;
import com.boxoffice.core.sale.OrderNotRefundableException;
import com.boxoffice.core.sale.RefundIdReusedException;
import com.boxoffice.core.sale.SeatAlreadyRefundedException;
import com.boxoffice.core.sale.SeatNotInOrderException;
import com.boxoffice.core.sale.Tender;
import com.boxoffice.core.sale.UnknownOrderException;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Problems;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The exchange a sale is part of, if any: seats of an earlier order given back, whose value is set
 * against the seats held now, and the words the window shows for it. One exchange id is kept for as
 * long as the same new seats are held, so confirming again (after a card that did not answer)
 * continues that exchange instead of starting a second. Call it from the FX thread.
 */
public final class SaleExchange {

    private final ReadOnlyObjectWrapper<ExchangeCredit> credit = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding on = credit.isNotNull();
    private String exchangeId;

    /** The seats given back, or null when the sale is an ordinary one. */
    public ReadOnlyObjectProperty<ExchangeCredit> creditProperty() {
        return credit.getReadOnlyProperty();
    }

    /** Whether this sale is part of an exchange. */
    public BooleanBinding onProperty() {
        return on;
    }

    public boolean isOn() {
        return credit.get() != null;
    }

    public ExchangeCredit credit() {
        return credit.get();
    }

    void begin(ExchangeCredit given) {
        credit.set(given);
        exchangeId = null;
    }

    void end() {
        credit.set(null);
        exchangeId = null;
    }

    /** New seats were held: confirming them is a new exchange, with an id of its own. */
    void newSeats() {
        exchangeId = null;
    }

    /** What the new seats cost beyond the credit; negative when money goes back to the buyer. */
    public long differenceMinor(Basket basket) {
        return basket.totalMinor() - (isOn() ? credit.get().creditMinor() : 0);
    }

    /** What the buyer still has to pay for the basket: all of it in a sale, the difference in an exchange. */
    long dueMinor(Basket basket) {
        return Math.max(0, differenceMinor(basket));
    }

    ExchangeRequest request(Basket basket, List<Tender> tenders, String actor, String terminalId) {
        ExchangeCredit given = credit.get();
        if (exchangeId == null) {
            exchangeId = UUID.randomUUID().toString();
        }
        return new ExchangeRequest(exchangeId, given.fromOrderId(), given.seatIds(), basket.orderId(), tenders,
                given.reason(), actor, terminalId);
    }

    /** "Exchange for order 1A2B3C4D: credit €50.00 for seats given back". */
    public String headline() {
        ExchangeCredit given = credit.get();
        return given == null ? "" : "Exchange for order " + given.shortReference() + ": credit "
                + Money.format(given.creditMinor(), given.currency()) + " for seats given back";
    }

    /** The new seats' total, or how to hold them when none are held yet. */
    public String newSeatsText(Basket basket) {
        if (!isOn()) {
            return "";
        }
        return basket == null ? "New seats: none held yet. Hold them with F3 (picked on the map) or F2 (best available)."
                : "New seats " + Money.format(basket.totalMinor(), basket.currency());
    }

    /** The difference, in the words to act on. */
    public String differenceText(Basket basket) {
        if (!isOn() || basket == null) {
            return "";
        }
        long difference = differenceMinor(basket);
        String amount = Money.format(Math.abs(difference), basket.currency());
        if (difference > 0) {
            return "To pay " + amount + ": cash (F9), card (F10) or both (F11)";
        }
        if (difference < 0) {
            return "To give back " + amount + ", to the order's card first, the rest in cash. Confirm with F8";
        }
        return "Nothing to pay or give back. Confirm with F8";
    }

    /** What happened, and the money to hand over. */
    static String doneText(ExchangeReceipt receipt) {
        String currency = receipt.newOrder().currency();
        long change = receipt.newOrder().changeMinor();
        String money;
        if (change > 0) {
            money = "Give " + Money.format(change, currency) + " change.";
        } else if (receipt.cashBackMinor() > 0 && receipt.cardBackMinor() > 0) {
            money = "Give back " + Money.format(receipt.cashBackMinor(), currency) + " in cash; "
                    + Money.format(receipt.cardBackMinor(), currency) + " went back to the card.";
        } else if (receipt.cashBackMinor() > 0) {
            money = "Give back " + Money.format(receipt.cashBackMinor(), currency) + " in cash.";
        } else if (receipt.cardBackMinor() > 0) {
            money = Money.format(receipt.cardBackMinor(), currency) + " went back to the card; no cash to give back.";
        } else {
            money = "No money to hand over.";
        }
        return "Exchanged. " + money + " The new tickets are ready; the old ones no longer admit.";
    }

    /** What went wrong, what it changed (nothing, unless said) and what to do next. */
    String describe(Throwable error) {
        String reference = isOn() ? credit.get().shortReference() : "";
        String order = "order " + reference;
        String giveUp = "Press Esc to give up the exchange (the new seats go back on sale)";
        return switch (error) {
            case ExchangeFailedException x -> "The exchange was called off: the top-up was not paid or the new seats "
                    + "were lost. Nothing of " + order + " changed, any top-up taken was given back and the new seats "
                    + "are back on sale. Hold new seats again (F3 or F2), or press Esc to give up the exchange.";
            case SeatAlreadyRefundedException x -> "A seat given back was already refunded or exchanged at another "
                    + "window, so nothing was changed. " + giveUp + ", then find " + order
                    + " again and tick only its live seats.";
            case SeatNotInOrderException x -> "A seat given back is not in " + order + ", so nothing was changed. "
                    + giveUp + ", then find the order again.";
            case OrderNotRefundableException x -> "No seat of " + order + " can be given back now (it is not a "
                    + "completed sale, or another exchange into it is under way), so nothing was changed. " + giveUp
                    + " and ask the manager.";
            case UnknownOrderException x -> "Order " + reference + " is not in this terminal's journal, so nothing was changed. "
                    + giveUp + ", then find the order again.";
            case RefundIdReusedException x -> "This exchange was already made with other seats. " + giveUp
                    + ", then find " + order + " again to see it.";
            case InvalidSaleRequestException x -> "The exchange could not be made (" + x.getMessage()
                    + "), so nothing was changed. The new seats must be held in the same performance as " + order
                    + ". " + giveUp + ", or hold other seats.";
            default -> Problems.describe(error);
        };
    }
}
