package com.boxoffice.core.hold;

import java.util.List;
import java.util.Map;

/**
 * The seat-hold contract: the live state of every seat of a performance and the only way to change
 * it. Two implementations keep it: {@link RedisHoldStore} (shared by every terminal and the
 * server) and {@link LocalHoldStore} (one terminal on its own, while offline).
 *
 * <p>Every method is atomic (all seats or none) and safe to repeat: sending the same call again,
 * as a client library may after a dropped connection, gives the same answer and changes nothing
 * more. Bad input raises a typed {@link com.boxoffice.core.shared.BoxOfficeException} and changes
 * nothing.
 */
public interface HoldStore {

    /**
     * Loads a performance's seats, or rebuilds them from durable truth: seats listed are sold,
     * blocked or allocated, every other seat is available. Live holds are dropped. A list naming a
     * seat twice is refused with {@link InvalidHoldRequestException}: a seat has one durable state.
     *
     * @param buyerSeats seats each buyer already owns, so the per-buyer limit survives a rebuild
     * @return ids of the holds that were dropped
     */
    List<String> load(String performanceId, List<DurableSeat> durable, Map<String, Integer> buyerSeats);

    /** Holds the selected seats, all or none. */
    Hold hold(HoldRequest request);

    /** Pushes a live hold's expiry out by its channel's hold time. */
    Hold extend(String holdId, String token);

    /** Gives a hold's seats back; releasing an ended hold changes nothing. */
    Hold release(String holdId, String token);

    /** Sells a hold's seats under an order id; idempotent on the hold id. */
    Hold confirm(String holdId, String token, String orderId);

    /** Releases holds that are past due. */
    SweepResult sweep(String performanceId);

    List<String> block(String performanceId, List<String> seatIds, String reason);

    List<String> unblock(String performanceId, List<String> seatIds);

    List<String> allocate(String performanceId, List<String> seatIds, String terminalId);

    List<String> deallocate(String performanceId, List<String> seatIds, String terminalId);

    /**
     * Applies a sale from a terminal's journal; {@link SaleConflictException} when seats were taken.
     * A sale whose seats are all sold under its own order already (applied before a load forgot
     * it) is recorded and answered with that order, changing no seat.
     */
    String applyJournalSale(String performanceId, JournalSale sale);

    /** Puts an order's sold seats back on sale; returns the seats freed. */
    List<String> refund(String performanceId, String orderId, List<String> seatIds, String buyer);

    /** Every seat's state in one consistent read. */
    Availability availability(String performanceId);
}
