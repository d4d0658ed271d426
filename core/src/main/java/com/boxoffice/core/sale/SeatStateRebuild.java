package com.boxoffice.core.sale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.DurableSeat;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.performance.SeatAssignmentEntity;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.performance.SeatAssignmentState;
import com.boxoffice.core.ticket.SoldSeat;
import com.boxoffice.core.ticket.TicketRepository;

/**
 * Loads a performance's live seat state from the database, which is the durable truth: seats with a
 * live ticket are sold (under their order), blocked and allocated seats come from the seat
 * assignments, and each buyer's confirmed seats count against the per-buyer limit. A live ticket
 * outranks an assignment of the same seat: a terminal selling a seat allocated to it leaves the
 * allocation row in place, and that seat must come back sold, not allocated and for sale again.
 * Live holds are dropped; their ids are returned so their owners can be told.
 *
 * <p>Used to load a performance the first time and to rebuild Redis after it lost its data.
 */
public class SeatStateRebuild {

    private final HoldStore holds;
    private final TicketRepository tickets;
    private final SeatAssignmentRepository assignments;
    private final SaleOrderRepository orders;
    private final TransactionTemplate tx;

    public SeatStateRebuild(HoldStore holds, TicketRepository tickets, SeatAssignmentRepository assignments,
                            SaleOrderRepository orders, TransactionTemplate tx) {
        this.holds = holds;
        this.tickets = tickets;
        this.assignments = assignments;
        this.orders = orders;
        this.tx = tx;
    }

    /** @return ids of the holds that were dropped */
    public List<String> rebuild(String performanceId) {
        record Truth(List<DurableSeat> seats, Map<String, Integer> buyers) {
        }
        Truth truth = tx.execute(status -> {
            List<DurableSeat> seats = new ArrayList<>();
            Set<String> sold = new HashSet<>();
            for (SoldSeat seat : tickets.findSoldSeats(performanceId)) {
                seats.add(new DurableSeat(seat.seatId(), SeatState.SOLD, seat.orderId()));
                sold.add(seat.seatId());
            }
            for (SeatAssignmentEntity a : assignments.findByPerformanceIdOrderBySeatId(performanceId)) {
                if (sold.contains(a.getSeatId())) {
                    // sold from an allocation (or blocked after the sale): the ticket is what counts
                    continue;
                }
                seats.add(a.getState() == SeatAssignmentState.BLOCKED
                        ? new DurableSeat(a.getSeatId(), SeatState.BLOCKED, a.getReason())
                        : new DurableSeat(a.getSeatId(), SeatState.ALLOCATED, a.getTerminalId()));
            }
            Map<String, Integer> buyers = new HashMap<>();
            for (BuyerSeats b : orders.countSeatsByBuyer(performanceId)) {
                buyers.put(b.buyer(), Math.toIntExact(b.seats()));
            }
            return new Truth(seats, buyers);
        });
        return holds.load(performanceId, truth.seats(), truth.buyers());
    }
}
