package com.boxoffice.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.lettuce.core.api.StatefulRedisConnection;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Watches the connection to the seat server (Redis) with a short ping every couple of seconds, off
 * the FX thread, so a lost connection shows within seconds instead of as a frozen button. It tells
 * its {@link Listener} of each change on its own thread, so switching the terminal to offline
 * selling and back never runs on the FX thread.
 */
public class ConnectionMonitor implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionMonitor.class);

    /** Who acts when the connection goes and comes back. Called on the monitor's thread, one call at a time. */
    public interface Listener {
        /** The seat server stopped answering at {@code since}. */
        void lost(Instant since);

        /**
         * The seat server answers again. False (or an exception) keeps the terminal counted as
         * disconnected: the listener is asked again after the next ping that answers.
         */
        boolean back();
    }

    private final StatefulRedisConnection<String, String> connection;
    private final Duration every;
    private final Clock clock;
    private final Listener listener;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    private final BackgroundLoop loop;
    /** What the last ping found, as the listener was told (the loop's thread only). */
    private boolean up = true;

    public ConnectionMonitor(StatefulRedisConnection<String, String> connection, Duration every, Clock clock,
                             Listener listener) {
        this.connection = connection;
        this.every = every;
        this.clock = clock;
        this.listener = listener;
        this.loop = new BackgroundLoop("connection-monitor", every, this::check);
    }

    /** False from a failed ping until the listener has taken the terminal back online. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Starts pinging once the whole client is built, so the listener has everything it needs. */
    @Override
    public void start() {
        loop.start();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void check() {
        boolean answers = answersPing();
        if (up && !answers) {
            up = false;
            Fx.onFxThread(() -> connected.set(false));
            try {
                listener.lost(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Could not switch to selling without the seat server: {}", e.toString());
            }
        } else if (!up && answers && backOnline()) {
            up = true;
            Fx.onFxThread(() -> connected.set(true));
        }
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(connection.async().ping().get(every.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean backOnline() {
        try {
            return listener.back();
        } catch (RuntimeException e) {
            log.warn("The seat server answers again, but the terminal could not go back online yet: {}", e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        loop.close();
    }
}
