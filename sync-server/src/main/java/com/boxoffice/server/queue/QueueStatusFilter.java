package com.boxoffice.server.queue;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.UnknownQueueEntryException;
import com.boxoffice.server.online.AdmissionTokens;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The waiting room's hottest call, {@code GET /api/queue/{queueId}}, answered without going through
 * Spring MVC: every waiting buyer polls it (and, when the last seat sells, all of them at once learn
 * of it here), so the handler lookup, argument resolution and content negotiation that every other
 * call can afford would cost here most of the server's time. The answer is the same JSON the
 * controller gives (written by the application's JSON mapper), and the request is still timed under
 * its path pattern. What is answered with a problem (an unknown entry, a refused rate) goes on to
 * the controller, which answers it as before; the address's allowance is taken once, here.
 */
public class QueueStatusFilter extends OncePerRequestFilter {

    /** Set on a request passed on to the controller: the seconds to wait when over the limit, else 0. */
    static final String LIMIT_WAIT = QueueStatusFilter.class.getName() + ".limitWait";

    private static final String PREFIX = "/api/queue/";
    private static final String PATTERN = "/api/queue/{queueId}";

    private final QueuePositions positions;
    private final AddressRateLimiter statusReads;
    private final AdmissionTokens tokens;
    private final double configuredRate;
    private final ObjectWriter writer;

    public QueueStatusFilter(QueuePositions positions, AddressRateLimiter statusReads, AdmissionTokens tokens,
                             double configuredRate, JsonMapper json) {
        this.positions = positions;
        this.statusReads = statusReads;
        this.tokens = tokens;
        this.configuredRate = configuredRate;
        this.writer = json.writerFor(QueueStatusView.class);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return queueId(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = statusReads.acquire(request.getRemoteAddr());
        if (wait == 0) {
            QueueEntry entry = known(queueId(request));
            if (entry != null) {
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(context -> context.setPathPattern(PATTERN));
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                writer.writeValue(response.getOutputStream(), QueueStatusView.of(entry, tokens, configuredRate));
                return;
            }
        }
        request.setAttribute(LIMIT_WAIT, wait);
        chain.doFilter(request, response);
    }

    /** The entry as it stands, or null when there is no such entry. */
    private QueueEntry known(String queueId) {
        try {
            return positions.current(queueId);
        } catch (UnknownQueueEntryException e) {
            return null;
        }
    }

    /** The queue id of a status read, or null for any other request. */
    private static String queueId(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.startsWith(PREFIX) || uri.length() == PREFIX.length() || uri.indexOf('/', PREFIX.length()) >= 0
                || uri.indexOf(';') >= 0 || uri.indexOf('%') >= 0) {
            return null;
        }
        return uri.substring(PREFIX.length());
    }
}
