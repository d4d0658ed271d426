package com.boxoffice.server.online;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.boxoffice.core.performance.Performance;
import com.boxoffice.server.web.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The public catalog: performances, their seat maps, what is free now and what changes (docs/online-api.md). */
@RestController
@RequestMapping("/api/performances")
public class PerformanceController {

    /** The layout changes seldom; its tag lets a cache check it cheaply once the five minutes are up. */
    private static final String SEAT_MAP_CACHE = "public, max-age=300";

    private final OnlineCatalog catalog;
    private final SeatMaps seatMaps;
    private final SeatChangeHub changes;

    public PerformanceController(OnlineCatalog catalog, SeatMaps seatMaps, SeatChangeHub changes) {
        this.catalog = catalog;
        this.seatMaps = seatMaps;
        this.changes = changes;
    }

    @Operation(summary = "Performances on sale or still to open, soonest first, with prices and seats free now")
    @GetMapping
    List<OnlineCatalog.PerformanceSummary> performances() {
        return catalog.list();
    }

    @Operation(summary = "The house as drawn, seats in seat index order (the order of the availability's states)",
            description = "Sent with a strong ETag and Cache-Control: public, max-age=300; If-None-Match of the current "
                    + "tag is answered 304. Each seat is [seatId, sectionIndex, rowLabel, seatNumber, x, y, category, flags].",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                        schema = @Schema(type = "object"))),
                @ApiResponse(responseCode = "304", description = "Not modified"),
                @ApiResponse(responseCode = "404", description = "Unknown performance",
                        content = @Content(mediaType = "application/problem+json"))})
    @GetMapping("/{id}/seatmap")
    void seatMap(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Performance performance = catalog.performance(id);
        SeatMaps.SeatMap map = seatMaps.of(performance);
        boolean gzip = acceptsGzip(request.getHeaders(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? map.gzipEtag() : map.etag();
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, SEAT_MAP_CACHE);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (matches(request.getHeaders(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream out = response.getOutputStream();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLength(map.gzipLength());
            map.writeGzipTo(out);
        } else {
            response.setContentLength(map.length());
            map.writeTo(out);
        }
        out.flush();
    }

    @Operation(summary = "Every seat's state now (one character a seat, in seat index order) and the change-feed id it includes")
    @GetMapping("/{id}/availability")
    ResponseEntity<OnlineCatalog.AvailabilityView> availability(@PathVariable String id) {
        catalog.performance(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(catalog.availabilityView(id));
    }

    @Operation(summary = "Server-Sent Events of seat changes after a feed id (?after= or Last-Event-ID), else from now",
            description = "event: seats (id: the feed id, data: {\"seats\":[indexes],\"states\":\"new state codes\"}); "
                    + "event: reset (data: {\"reason\":...}): load the availability again and follow on from its feedId. "
                    + "The stream is closed after a reset.")
    @GetMapping(value = "/{id}/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes(@PathVariable String id, @RequestParam(required = false) String after,
                       @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                       HttpServletResponse response) {
        catalog.performance(id);
        // a reconnecting browser sends the URL it first opened and, newer, the last id it got
        String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId.strip() : after;
        FeedId feedId = null;
        if (from != null && !from.isBlank()) {
            try {
                feedId = FeedId.parse(from.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid-feed-id", "'" + abbreviate(from)
                        + "' is not a feed id; give the feedId of GET /api/performances/" + id + "/availability.");
            }
        }
        // the feed exists only once the seats are loaded
        catalog.ensureLoaded(id);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        // proxies such as nginx would otherwise hold events back in their buffers
        response.setHeader("X-Accel-Buffering", "no");
        return changes.subscribe(id, feedId);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    static boolean acceptsGzip(Enumeration<String> acceptEncoding) {
        while (acceptEncoding.hasMoreElements()) {
            for (String part : acceptEncoding.nextElement().split(",")) {
                String[] codingAndParams = part.split(";");
                String coding = codingAndParams[0].strip();
                if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                    for (int i = 1; i < codingAndParams.length; i++) {
                        String param = codingAndParams[i].strip().replace(" ", "");
                        if (param.matches("[qQ]=0(\\.0{0,3})?")) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a proxy may have weakened our tag. */
    static boolean matches(Enumeration<String> ifNoneMatch, String etag) {
        while (ifNoneMatch.hasMoreElements()) {
            for (String tag : ifNoneMatch.nextElement().split(",")) {
                String t = tag.strip();
                if (t.equals("*")) {
                    return true;
                }
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
