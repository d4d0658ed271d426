package com.boxoffice.server.online;

import java.net.URI;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.payment.PaymentEntity;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.PaymentStatus;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.queue.NotAdmittedException;
import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.QueueState;
import com.boxoffice.core.queue.UnknownQueueEntryException;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.core.sale.Basket;
import com.boxoffice.core.sale.OrderSeat;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.PaymentOutcomeUnknownException;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleReceipt;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.Tender;
import com.boxoffice.core.shared.BoxOfficeException;
import com.boxoffice.core.ticket.TicketKeys;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.web.ApiException;
import com.boxoffice.server.web.Problems;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Holds, purchase, release and orders of the public online sale (docs/online-api.md). Every hold
 * and purchase needs a live admission from the performance's waiting room and an Idempotency-Key;
 * the sale itself is the core's state machine, the same the box office uses.
 */
@RestController
@RequestMapping("/api")
public class OnlineSaleController {

    /** Header carrying the hold token on calls that have no body. */
    static final String HOLD_TOKEN = "Hold-Token";

    private final SaleService sales;
    private final HoldTokens holdTokens;
    private final AdmissionTokens admissions;
    private final WaitingRoom room;
    private final CatalogSeatings seatings;
    private final SeatStates seatStates;
    private final SaleOrderRepository orders;
    private final PaymentRepository payments;
    private final IdempotentRequests requests;
    private final TicketViews tickets;
    private final SeatNames names;
    private final OnlineProperties properties;
    private final Clock clock;
    private final String publicKeyPem;

    public OnlineSaleController(SaleService sales, HoldTokens holdTokens, AdmissionTokens admissions, WaitingRoom room,
                                CatalogSeatings seatings, SeatStates seatStates, SaleOrderRepository orders,
                                PaymentRepository payments, IdempotentRequests requests, TicketViews tickets,
                                SeatNames names, OnlineProperties properties, Clock clock, KeyPair ticketKeyPair) {
        this.sales = sales;
        this.holdTokens = holdTokens;
        this.admissions = admissions;
        this.room = room;
        this.seatings = seatings;
        this.seatStates = seatStates;
        this.orders = orders;
        this.payments = payments;
        this.requests = requests;
        this.tickets = tickets;
        this.names = names;
        this.properties = properties;
        this.clock = clock;
        this.publicKeyPem = TicketKeys.publicKeyPem(ticketKeyPair.getPublic());
    }

    // ------------------------------------------------------------------ holds

    /** Best available: how many, in which price category (null: any). */
    public record BestAvailable(Integer count, String priceTier) {
    }

    /** What to hold: exact seats, or the best available. */
    public record HoldBody(List<String> seatIds, BestAvailable bestAvailable, Integer wheelchairSpaces) {
    }

    /** A seat of a hold or order, as printed, with its price. */
    public record SeatView(String seatId, String section, String row, String seat, String category, long priceMinor) {
    }

    public record HoldView(String holdId, String holdToken, Instant expiresAt, List<SeatView> seats, long total,
                           String currency, String admissionToken, Instant admittedUntil) {
    }

    @PostMapping("/performances/{id}/holds")
    ResponseEntity<HoldView> hold(@PathVariable String id, @RequestBody(required = false) HoldBody body,
                                  @RequestHeader(name = "Authorization", required = false) String authorization,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        AdmissionTokens.Admission admission = admissions.check(authorization, id);
        Performance performance = seatings.seating(id).performance();
        SeatSelection selection = selection(body, performance);
        seatStates.ensureLoaded(id);
        String scope = "hold/" + id + "/" + admission.buyer();
        return requests.run(scope, key, canonical(selection), () -> {
            QueueEntry entry = liveEntry(admission);
            HoldRequest request = new HoldRequest(id, "online:" + admission.buyer() + ":" + key,
                    "online buyer " + admission.buyer(), admission.buyer(), Channel.ONLINE, null, selection);
            Basket basket;
            try {
                basket = sales.start(request);
            } catch (BoxOfficeException e) {
                throw PublicProblems.ofHold(e, performance);
            }
            Instant admittedUntil = keepAdmitted(entry, basket.hold().expiresAt().plus(properties.holdGrace()), true);
            HoldView view = new HoldView(basket.hold().holdId(), basket.hold().token(), basket.hold().expiresAt(),
                    seatViews(id, basket.seats()), basket.totalMinor(), basket.currency(),
                    admissions.issue(id, admission.buyer(), admission.queueId(), admittedUntil), admittedUntil);
            return ResponseEntity.created(URI.create("/api/holds/" + view.holdId())).body(view);
        });
    }

    private static SeatSelection selection(HoldBody body, Performance performance) {
        List<Problems.FieldError> errors = new ArrayList<>();
        int limit = performance.perBuyerLimit();
        int wheelchair = body == null || body.wheelchairSpaces() == null ? 0 : body.wheelchairSpaces();
        if (body == null || (body.seatIds() == null) == (body.bestAvailable() == null)) {
            errors.add(new Problems.FieldError("body", "Give either seatIds or bestAvailable, not both."));
        } else if (body.seatIds() != null) {
            if (body.seatIds().isEmpty() || body.seatIds().size() > limit) {
                errors.add(new Problems.FieldError("seatIds", "Choose 1 to " + limit + " seats."));
            } else if (body.seatIds().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 64)) {
                errors.add(new Problems.FieldError("seatIds", "A seat id is missing or too long."));
            } else if (body.seatIds().stream().distinct().count() != body.seatIds().size()) {
                errors.add(new Problems.FieldError("seatIds", "A seat is listed twice."));
            }
        } else {
            Integer count = body.bestAvailable().count();
            if (count == null || count < 1 || count > limit) {
                errors.add(new Problems.FieldError("bestAvailable.count", "Ask for 1 to " + limit + " seats."));
            }
            String tier = body.bestAvailable().priceTier();
            if (tier != null && !performance.tiersByCategory().containsKey(tier)) {
                errors.add(new Problems.FieldError("bestAvailable.priceTier", "This performance has no price tier '"
                        + tier + "'; choose one of " + performance.tiersByCategory().keySet() + "."));
            }
            if (count != null && (wheelchair < 0 || wheelchair > count)) {
                errors.add(new Problems.FieldError("wheelchairSpaces", "Ask for 0 to " + count + " wheelchair spaces."));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return body.seatIds() != null ? new SeatSelection.Seats(body.seatIds())
                : new SeatSelection.BestAvailable(body.bestAvailable().count(), body.bestAvailable().priceTier(), wheelchair);
    }

    private static String canonical(SeatSelection selection) {
        return switch (selection) {
            case SeatSelection.Seats seats -> "seats:" + String.join(",", seats.seatIds());
            case SeatSelection.BestAvailable best -> "best:" + best.count() + ":" + best.category() + ":" + best.wheelchairSpaces();
        };
    }

    // ------------------------------------------------------------------ purchase

    public record PurchaseBody(String holdToken, CardDetails payment) {
    }

    /**
     * A purchase's answer.
     *
     * @param status CONFIRMED (tickets issued) or PAYMENT_PENDING (the gateway did not answer; it is
     *               settled in the background and the order tells the outcome)
     */
    public record PurchaseView(String orderId, String status, long total, String currency, List<TicketViews.TicketView> tickets) {
    }

    @PostMapping("/holds/{holdId}/purchase")
    ResponseEntity<PurchaseView> purchase(@PathVariable String holdId, @RequestBody(required = false) PurchaseBody body,
                                          @RequestHeader(name = "Authorization", required = false) String authorization,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String performanceId = performanceOfHold(holdId);
        AdmissionTokens.Admission admission = admissions.check(authorization, performanceId);
        if (body == null || body.payment() == null) {
            throw invalid(List.of(new Problems.FieldError("payment", "Give the card to pay with.")));
        }
        checkHoldToken(holdId, body.holdToken());
        List<Problems.FieldError> cardErrors = body.payment().problems(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        if (!cardErrors.isEmpty()) {
            throw invalid(cardErrors);
        }
        CardDetails card = body.payment();
        String request = body.holdToken() + "|" + card.cardNumber() + "|" + card.expiry() + "|" + card.cvc() + "|" + card.name();
        return requests.run("purchase/" + holdId, key, request, () -> {
            String orderId = SaleService.orderIdOf(holdId);
            SaleOrderEntity order = orders.findById(orderId).orElseThrow(() -> holdNotFound());
            if (!admission.buyer().equals(order.getBuyer())) {
                throw ApiException.forbidden("hold-of-another-buyer", "This hold was made by another buyer.");
            }
            SaleReceipt receipt;
            try {
                receipt = sales.pay(orderId, List.of(new Tender.Card(order.getTotalMinor(), card.outcome())));
            } catch (PaymentOutcomeUnknownException e) {
                return ResponseEntity.accepted().body(new PurchaseView(orderId, "PAYMENT_PENDING", order.getTotalMinor(),
                        order.getCurrency(), List.of()));
            } catch (BoxOfficeException e) {
                throw PublicProblems.of(e, seatings.seating(performanceId).performance());
            }
            finishAdmission(admission);
            return ResponseEntity.ok(new PurchaseView(orderId, "CONFIRMED", receipt.totalMinor(), receipt.currency(),
                    tickets.of(orderId)));
        });
    }

    // ------------------------------------------------------------------ release

    @DeleteMapping("/holds/{holdId}")
    ResponseEntity<Void> release(@PathVariable String holdId,
                                 @RequestHeader(name = HOLD_TOKEN, required = false) String holdToken,
                                 @RequestHeader(name = "Authorization", required = false) String authorization) {
        String performanceId = performanceOfHold(holdId);
        checkHoldToken(holdId, holdToken);
        String orderId = SaleService.orderIdOf(holdId);
        OrderStatus status = orders.findById(orderId).map(SaleOrderEntity::getStatus).orElseThrow(() -> holdNotFound());
        switch (status) {
            case CONFIRMED -> throw ApiException.conflict("already-bought", "These seats were bought (order " + orderId
                    + "), so there is no hold to give back. Bought tickets are refunded by the box office.");
            // an order that failed or was refunded holds nothing: its seats went back on sale when it ended
            case FAILED, REFUNDED -> {
            }
            default -> {
                try {
                    sales.cancel(orderId);
                } catch (BoxOfficeException e) {
                    throw ApiException.conflict("payment-started",
                            "The payment for these seats has started, so they can no longer be given back here.");
                }
            }
        }
        if (authorization != null) {
            // the buyer holds nothing now: count them against the free seats again
            try {
                AdmissionTokens.Admission admission = admissions.check(authorization, performanceId);
                room.keepAdmitted(admission.queueId(), clock.instant(), false);
            } catch (ApiException | BoxOfficeException ignored) {
                // an admission that ended needs no accounting
            }
        }
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ orders

    public record OrderView(String orderId, String performanceId, String title, Instant startsAt, String status,
                            String detail, long total, String currency, List<SeatView> seats,
                            List<TicketViews.TicketView> tickets) {
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable String orderId, @RequestHeader(name = HOLD_TOKEN, required = false) String holdToken) {
        SaleOrderEntity order = orders.findById(orderId).orElse(null);
        if (order == null || order.getHoldId() == null || holdToken == null
                || !constantTimeEquals(holdTokens.token(order.getHoldId()), holdToken)) {
            // one answer for unknown orders and wrong tokens, so order ids cannot be probed
            throw ApiException.notFound("No order with this id can be shown for this hold token; "
                    + "open the order from the page you bought it on.");
        }
        Performance performance = seatings.seating(order.getPerformanceId()).performance();
        String status = publicStatus(order);
        return new OrderView(order.getId(), order.getPerformanceId(), performance.title(), performance.startsAt(), status,
                detailOf(status), order.getTotalMinor() == null ? 0 : order.getTotalMinor(), order.getCurrency(),
                seatViews(order.getPerformanceId(), order.getSeats()),
                order.getStatus() == OrderStatus.CONFIRMED ? tickets.of(order.getId()) : List.of());
    }

    /** The public key door scanners check ticket codes with (PEM). */
    @GetMapping(path = "/tickets/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return publicKeyPem;
    }

    private String publicStatus(SaleOrderEntity order) {
        return switch (order.getStatus()) {
            case CONFIRMED -> "CONFIRMED";
            case PAID -> "PAYMENT_PENDING";
            case PAYMENT_PENDING -> {
                // a charge still unanswered, or one that covered the order and is being turned into tickets
                List<PaymentEntity> made = payments.findByOrderIdOrderByCreatedAt(order.getId());
                long captured = made.stream().filter(p -> p.getStatus() == PaymentStatus.CAPTURED)
                        .mapToLong(PaymentEntity::getAmountMinor).sum();
                yield made.stream().anyMatch(p -> p.getStatus() == PaymentStatus.UNKNOWN)
                        || (order.getTotalMinor() != null && captured >= order.getTotalMinor())
                        ? "PAYMENT_PENDING" : "AWAITING_PAYMENT";
            }
            case HELD, PRICED -> "AWAITING_PAYMENT";
            case CANCELLED -> "CANCELLED";
            case FAILED -> "FAILED";
            case REFUNDED -> "REFUNDED";
        };
    }

    private static String detailOf(String status) {
        return switch (status) {
            case "CONFIRMED" -> "Your tickets are ready.";
            case "PAYMENT_PENDING" -> "The card payment is being confirmed with the bank; this page updates by itself.";
            case "AWAITING_PAYMENT" -> "The seats are held for you but not paid; nothing was taken from your card. Pay to get the tickets.";
            case "CANCELLED" -> "The seats were given back; nothing was charged.";
            case "FAILED" -> "The sale did not go through and nothing was charged; hold seats again.";
            default -> "The seats were lost and any money taken has been given back.";
        };
    }

    // ------------------------------------------------------------------ helpers

    private List<SeatView> seatViews(String performanceId, List<OrderSeat> seats) {
        List<SeatView> views = new ArrayList<>(seats.size());
        for (OrderSeat seat : seats) {
            SeatNames.SeatName name = names.of(performanceId, seat.seatId());
            views.add(new SeatView(seat.seatId(), name.section(), name.row(), name.seat(), seat.category(), seat.priceMinor()));
        }
        return views;
    }

    /** The buyer's waiting-room entry, still admitted (its token may outlive a purchase or a reset room). */
    private QueueEntry liveEntry(AdmissionTokens.Admission admission) {
        QueueEntry entry;
        try {
            entry = room.status(admission.queueId());
        } catch (UnknownQueueEntryException e) {
            throw ApiException.unauthorized("This admission is no longer known; join the queue again.");
        }
        if (entry.state() != QueueState.ADMITTED || !entry.buyer().equals(admission.buyer())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "admission-expired", entry.state() == QueueState.DONE
                    ? "This admission was used for a purchase; join the queue again to buy more."
                    : "Your admission has ended; join the queue again.");
        }
        return entry;
    }

    private Instant keepAdmitted(QueueEntry entry, Instant until, boolean holding) {
        try {
            return room.keepAdmitted(entry.queueId(), until, holding);
        } catch (NotAdmittedException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "admission-expired", "Your admission has ended; join the queue again.");
        }
    }

    private void finishAdmission(AdmissionTokens.Admission admission) {
        try {
            room.finish(admission.queueId());
        } catch (RuntimeException e) {
            // the sale is complete; the slot is freed anyway when the admission runs out
        }
    }

    private static String performanceOfHold(String holdId) {
        String performanceId = HoldTokens.performanceOf(holdId);
        if (performanceId == null) {
            throw holdNotFound();
        }
        return performanceId;
    }

    private void checkHoldToken(String holdId, String token) {
        if (token == null || !constantTimeEquals(holdTokens.token(holdId), token)) {
            throw ApiException.forbidden("wrong-hold-token", "This hold token does not belong to this hold; "
                    + "use the token you got when you held the seats.");
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), Objects.requireNonNull(given).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException holdNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "unknown-hold", "There is no such hold; hold seats again.");
    }

    private static ApiException invalid(List<Problems.FieldError> errors) {
        return ApiException.badRequest("invalid-request", "The request is not valid; nothing was done.").with("errors", errors);
    }
}
