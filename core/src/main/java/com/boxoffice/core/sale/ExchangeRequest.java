package com.boxoffice.core.sale;

import java.util.List;

/**
 * Seats of a confirmed order given back for other seats of the same performance, already held in a
 * new order (a basket from {@link SaleService#start}).
 *
 * @param exchangeId       the caller's id: the same request sent again makes one exchange
 * @param fromOrderId      the confirmed order the seats were sold in
 * @param seatIdsGivenBack its seats the buyer gives back
 * @param newOrderId       the priced, not yet paid, order holding the new seats
 * @param tenders          pays what the new seats cost beyond the seats given back; empty when they
 *                         cost the same or less
 * @param reason           why, in words
 * @param actor            who did it
 * @param terminalId       the terminal handing back any cash; {@code null} means the old order's terminal
 */
public record ExchangeRequest(String exchangeId, String fromOrderId, List<String> seatIdsGivenBack, String newOrderId,
                              List<Tender> tenders, String reason, String actor, String terminalId) {

    public ExchangeRequest {
        seatIdsGivenBack = seatIdsGivenBack == null ? null : List.copyOf(seatIdsGivenBack);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }
}
