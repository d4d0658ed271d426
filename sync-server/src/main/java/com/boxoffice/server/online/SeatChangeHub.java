package com.boxoffice.server.online;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.boxoffice.core.hold.RedisSeatFeed;
import com.boxoffice.server.web.ApiException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The seat-change streams of this server instance: one {@link FeedTailer} per performance that
 * anyone follows, fanned out to all its subscribers, a heartbeat on every stream, and everything
 * closed before the web server stops (a lifecycle at the default phase stops ahead of the web
 * server's graceful shutdown, which would otherwise wait for open streams to end by themselves).
 */
@Component
public class SeatChangeHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SeatChangeHub.class);

    private final RedisClient client;
    private final RedisSeatFeed sharedFeed;
    private final OnlineProperties properties;
    private final Map<String, FeedTailer> tailers = new ConcurrentHashMap<>();
    // made on start and ended on stop: a context may be stopped and started again (Spring's test
    // framework pauses contexts it is not using)
    private volatile ExecutorService writers;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    public SeatChangeHub(RedisClient client, StatefulRedisConnection<String, String> shared, OnlineProperties properties) {
        this.client = client;
        this.sharedFeed = new RedisSeatFeed(shared);
        this.properties = properties;
    }

    /**
     * A stream of the performance's seat changes after {@code after} (null: from now on). The
     * performance's seats must be loaded in Redis.
     */
    public SseEmitter subscribe(String performanceId, FeedId after) {
        ExecutorService writers = this.writers;
        if (!running || writers == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down",
                    "This server is shutting down; connect again in a moment.");
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        ChangeSubscriber subscriber = new ChangeSubscriber(emitter, writers, properties.maxUnsent());
        while (true) {
            FeedTailer tailer = tailers.computeIfAbsent(performanceId, id ->
                    new FeedTailer(id, client, sharedFeed, properties.catchUpLimit(), stopped -> tailers.remove(id, stopped)));
            if (tailer.join(subscriber, after)) {
                return emitter;
            }
            tailers.remove(performanceId, tailer);
        }
    }

    /** Performances followed right now, with how many streams each; for tests and diagnosis. */
    Map<String, Integer> followed() {
        Map<String, Integer> out = new TreeMap<>();
        tailers.forEach((id, tailer) -> out.put(id, tailer.subscribers().size()));
        return out;
    }

    private void beat() {
        try {
            for (FeedTailer tailer : tailers.values()) {
                for (ChangeSubscriber subscriber : tailer.subscribers()) {
                    subscriber.send(SeatChangeEvents.HEARTBEAT);
                }
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep beating
            log.warn("Seat-change heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        writers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("seat-changes-writer-", 0).factory());
        heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("seat-changes-heartbeat").daemon().factory());
        long every = Math.max(1, properties.heartbeat().toMillis());
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        List<FeedTailer> all = List.copyOf(tailers.values());
        tailers.clear();
        all.forEach(FeedTailer::shutdown);
        if (writers != null) {
            writers.shutdown();
            try {
                writers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
