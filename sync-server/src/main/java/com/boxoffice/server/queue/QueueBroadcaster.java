package com.boxoffice.server.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.boxoffice.core.queue.QueueEntry;
import com.boxoffice.core.queue.QueueState;
import com.boxoffice.server.online.AdmissionTokens;
import com.boxoffice.server.online.OnlineProperties;

/**
 * Live status for waiting buyers (Server-Sent Events): twice a second each watcher on this server is
 * sent its status when it changed, from {@link QueuePositions}, so a performance's watchers together
 * cost one read of the waiting room's shared values; a stream ends once its entry is settled.
 */
@Component
public class QueueBroadcaster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueueBroadcaster.class);
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(30);

    private final QueuePositions positions;
    private final AdmissionTokens tokens;
    private final double configuredRate;
    private final Map<String, Set<Watcher>> byPerformance = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "queue-broadcast");
        thread.setDaemon(true);
        return thread;
    });

    /** One browser watching its entry. */
    private static final class Watcher {
        final SseEmitter emitter;
        volatile QueueEntry entry;
        volatile QueueStatusView sent;
        volatile long sentAt;

        Watcher(SseEmitter emitter, QueueEntry entry) {
            this.emitter = emitter;
            this.entry = entry;
        }
    }

    public QueueBroadcaster(QueuePositions positions, AdmissionTokens tokens, OnlineProperties properties) {
        this.positions = positions;
        this.tokens = tokens;
        this.configuredRate = properties.admissionRate();
        timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of the entry's status: sent now, then whenever it changes, ending once it is settled. */
    SseEmitter subscribe(QueueEntry entry) {
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        Watcher watcher = new Watcher(emitter, entry);
        if (!send(watcher, entry)) {
            return emitter;
        }
        if (settled(entry)) {
            emitter.complete();
            return emitter;
        }
        Set<Watcher> watchers = byPerformance.computeIfAbsent(entry.performanceId(), id -> ConcurrentHashMap.newKeySet());
        watchers.add(watcher);
        Runnable leave = () -> watchers.remove(watcher);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(failure -> leave.run());
        return emitter;
    }

    /** Watchers on this server, for tests and metrics. */
    int watchers() {
        return byPerformance.values().stream().mapToInt(Set::size).sum();
    }

    private static boolean settled(QueueEntry entry) {
        return entry.state().isFinal() || entry.state() == QueueState.ADMITTED;
    }

    private void tick() {
        for (Map.Entry<String, Set<Watcher>> performance : byPerformance.entrySet()) {
            Set<Watcher> watchers = performance.getValue();
            if (watchers.isEmpty()) {
                byPerformance.remove(performance.getKey(), watchers);
                continue;
            }
            try {
                broadcast(watchers);
            } catch (RuntimeException e) {
                log.warn("Could not update the watchers of performance {}: {}", performance.getKey(), e.toString());
            }
        }
    }

    private void broadcast(Set<Watcher> watchers) {
        for (Watcher watcher : watchers) {
            QueueEntry next;
            try {
                next = positions.current(watcher.entry.queueId());
            } catch (RuntimeException e) {
                log.warn("Could not read waiting-room entry {}: {}", watcher.entry.queueId(), e.toString());
                continue;
            }
            watcher.entry = next;
            if (!send(watcher, next)) {
                watchers.remove(watcher);
            } else if (settled(next)) {
                watchers.remove(watcher);
                watcher.emitter.complete();
            }
        }
    }

    /** Sends the status when it changed, or a heartbeat when nothing was sent for a while; false when the client is gone. */
    private boolean send(Watcher watcher, QueueEntry entry) {
        QueueStatusView view = QueueStatusView.of(entry, tokens, configuredRate);
        long now = System.nanoTime();
        try {
            if (!view.equals(watcher.sent)) {
                watcher.emitter.send(SseEmitter.event().name("status").data(view, MediaType.APPLICATION_JSON));
                watcher.sent = view;
                watcher.sentAt = now;
            } else if (now - watcher.sentAt > HEARTBEAT.toNanos()) {
                watcher.emitter.send(SseEmitter.event().comment("still waiting"));
                watcher.sentAt = now;
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            watcher.emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        byPerformance.values().forEach(watchers -> watchers.forEach(w -> w.emitter.complete()));
        byPerformance.clear();
    }
}
