package com.boxoffice.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.api.StatefulRedisConnection;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Watches the connection to the seat server (Redis) with a short ping every couple of seconds, off
 * the FX thread, so a lost connection shows as a banner within seconds instead of as a frozen button.
 */
public class ConnectionMonitor implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StatefulRedisConnection<String, String> connection;
    private final Duration every;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile boolean running = true;
    private final Thread watcher;

    public ConnectionMonitor(StatefulRedisConnection<String, String> connection, Duration every, Clock clock) {
        this.connection = connection;
        this.every = every;
        this.clock = clock;
        this.watcher = Thread.ofVirtual().name("connection-monitor").start(this::watch);
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** What the banner says while the connection is lost. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void watch() {
        boolean up = true;
        while (running) {
            boolean now;
            try {
                now = "PONG".equals(connection.async().ping().get(every.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                now = false;
            }
            if (now != up) {
                up = now;
                boolean state = now;
                String since = TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
                Fx.onFxThread(() -> {
                    connected.set(state);
                    message.set(state ? "" : "No connection to the seat server since " + since
                            + ". Seats cannot be held or sold until it is back; paid sales are safe in this terminal's journal. "
                            + "Check the network cable or Wi-Fi. This banner goes away by itself when the connection returns.");
                });
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
