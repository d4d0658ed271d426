package com.boxoffice.server.queue;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.queue.AlreadyQueuedException;
import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.SoldOutException;
import com.boxoffice.core.queue.UnknownQueueEntryException;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.SeatStates;
import com.boxoffice.server.online.AdmissionTokens;
import com.boxoffice.server.online.OnlineProperties;
import com.boxoffice.server.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;

/** The public waiting room: join, and see where you stand (once, or as a live stream). */
@RestController
@RequestMapping("/api")
public class QueueController {

    /** Plain enough to catch typing mistakes, loose enough for every real address. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_CLIENT_KEY = 100;

    private final WaitingRoom room;
    private final QueuePositions positions;
    private final CatalogSeatings seatings;
    private final SeatStates seatStates;
    private final AdmissionTokens tokens;
    private final QueueBroadcaster broadcaster;
    private final OnlineProperties properties;
    private final Clock clock;
    private final AddressRateLimiter joins;
    private final AddressRateLimiter statusReads;

    public QueueController(WaitingRoom room, QueuePositions positions, CatalogSeatings seatings, SeatStates seatStates,
                           AdmissionTokens tokens, QueueBroadcaster broadcaster, OnlineProperties properties, Clock clock,
                           QueueLimits limits) {
        this.room = room;
        this.positions = positions;
        this.seatings = seatings;
        this.seatStates = seatStates;
        this.tokens = tokens;
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.clock = clock;
        this.joins = limits.joins();
        this.statusReads = limits.statusReads();
    }

    /** What a buyer sends to join. */
    public record JoinRequest(String email) {
    }

    @PostMapping("/performances/{id}/queue")
    ResponseEntity<QueueStatusView> join(@PathVariable String id, @RequestBody(required = false) JoinRequest body,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String clientKey,
                                         HttpServletRequest request) {
        limit(joins, request, "joins");
        String email = body == null || body.email() == null ? "" : body.email().trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("invalid-email", "Give the email address your tickets should go to, like ada@example.com.");
        }
        if (clientKey != null && (clientKey.isBlank() || clientKey.length() > MAX_CLIENT_KEY)) {
            throw ApiException.badRequest("invalid-idempotency-key", "An Idempotency-Key has 1 to 100 characters.");
        }
        Performance performance = seatings.seating(id).performance();
        if (!clock.instant().isBefore(performance.saleCloses())) {
            throw ApiException.conflict("sale-closed", "The sale for this performance has closed.");
        }
        seatStates.ensureLoaded(id);
        QueueEntry entry;
        try {
            entry = room.join(id, performance.saleOpens(), email, clientKey);
        } catch (AlreadyQueuedException e) {
            throw ApiException.conflict("already-queued", "This email address already has a place in the queue, taken "
                    + "in another browser or device; carry on there, or wait until that place is used or runs out.");
        } catch (SoldOutException e) {
            throw soldOut();
        }
        return ResponseEntity.created(URI.create("/api/queue/" + entry.queueId()))
                .body(QueueStatusView.of(positions.remember(entry), tokens, properties.admissionRate()));
    }

    @GetMapping("/queue/{queueId}")
    QueueStatusView status(@PathVariable String queueId, HttpServletRequest request) {
        // a known entry is answered by QueueStatusFilter; what comes here has had its allowance taken there
        Object wait = request.getAttribute(QueueStatusFilter.LIMIT_WAIT);
        if (wait == null) {
            limit(statusReads, request, "status reads");
        } else {
            refuseIfOver((Long) wait, "status reads");
        }
        return QueueStatusView.of(entry(queueId), tokens, properties.admissionRate());
    }

    @GetMapping(path = "/queue/{queueId}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String queueId, HttpServletRequest request) {
        limit(statusReads, request, "status reads");
        return broadcaster.subscribe(entry(queueId));
    }

    private QueueEntry entry(String queueId) {
        try {
            return positions.current(queueId);
        } catch (UnknownQueueEntryException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown-queue-entry",
                    "This place in the queue is not known here; join the queue again.");
        }
    }

    static ApiException soldOut() {
        return ApiException.conflict("sold-out", "This performance is sold out.");
    }

    private static void limit(AddressRateLimiter limiter, HttpServletRequest request, String what) {
        refuseIfOver(limiter.acquire(request.getRemoteAddr()), what);
    }

    private static void refuseIfOver(long wait, String what) {
        if (wait > 0) {
            throw ApiException.tooManyRequests("Too many " + what + " from your address; try again in " + wait
                    + (wait == 1 ? " second." : " seconds."), wait);
        }
    }
}
