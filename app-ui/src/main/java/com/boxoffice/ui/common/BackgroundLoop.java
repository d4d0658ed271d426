package com.boxoffice.ui.common;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step repeated in the background on a thread of its own, with a pause between runs, until closed.
 * Closing ends the pause at once but lets a running step finish: interrupting a thread that is writing
 * the journal would close the database file under it.
 */
public final class BackgroundLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration pause;
    private final Runnable step;
    private boolean running;

    /** @param step run once at start, then after each pause; an exception is logged and the loop goes on */
    public BackgroundLoop(String name, Duration pause, Runnable step) {
        this.name = name;
        this.pause = pause;
        this.step = step;
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            Thread.ofVirtual().name(name).start(this::loop);
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    private void loop() {
        while (isRunning()) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString());
            }
            synchronized (this) {
                if (!running) {
                    return;
                }
                try {
                    wait(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        notifyAll();
    }
}
