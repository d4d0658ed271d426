package com.boxoffice.server.online;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open seat-change stream. Events are queued here without blocking whoever hands them over (the
 * feed's tailer, the heartbeat) and written by a short-lived virtual thread that runs only while
 * something is queued: a slow or vanished client can hold up its own stream and nothing else, and
 * an idle stream holds no thread at all.
 */
final class ChangeSubscriber {

    /** Marks the end of the queue: once what came before it is written, the stream is closed. */
    private static final Set<DataWithMediaType> CLOSE = Set.of();

    private final SseEmitter emitter;
    private final Executor writers;
    private final int maxUnsent;
    private final ArrayDeque<Set<DataWithMediaType>> unsent = new ArrayDeque<>();
    private Consumer<ChangeSubscriber> onDone = s -> { };
    private boolean writing;
    private boolean closing;
    private boolean done;

    /** The last feed id this stream was given, or stands at; changes up to it are not sent. Guarded by the tailer. */
    FeedId cursor;

    ChangeSubscriber(SseEmitter emitter, Executor writers, int maxUnsent) {
        this.emitter = emitter;
        this.writers = writers;
        this.maxUnsent = maxUnsent;
        emitter.onCompletion(this::finished);
        emitter.onError(e -> finished());
        emitter.onTimeout(() -> {
            finished();
            emitter.complete();
        });
    }

    /** What to do once the stream has ended, however it ended (called once; at once if it has ended). */
    void onDone(Consumer<ChangeSubscriber> action) {
        synchronized (this) {
            if (!done) {
                this.onDone = action;
                return;
            }
        }
        action.accept(this);
    }

    void send(Set<DataWithMediaType> event) {
        enqueue(event, false);
    }

    /** Sends the event, then closes the stream (a client told to reset opens a new one). */
    void sendThenClose(Set<DataWithMediaType> event) {
        enqueue(event, true);
    }

    private void enqueue(Set<DataWithMediaType> event, boolean thenClose) {
        synchronized (this) {
            if (done || closing) {
                return;
            }
            if (unsent.size() >= maxUnsent) {
                // the client does not keep up: what it missed is dropped, and it is told to start over
                unsent.clear();
                unsent.add(SeatChangeEvents.reset("too-slow"));
                thenClose = true;
            } else {
                unsent.add(event);
            }
            if (thenClose) {
                closing = true;
                unsent.add(CLOSE);
            }
            if (writing) {
                return;
            }
            writing = true;
        }
        try {
            writers.execute(this::write);
        } catch (RejectedExecutionException e) {
            // the server is stopping and closes every stream itself
            finished();
        }
    }

    private void write() {
        while (true) {
            Set<DataWithMediaType> next;
            synchronized (this) {
                next = unsent.poll();
                if (next == null || done) {
                    writing = false;
                    return;
                }
            }
            if (next == CLOSE) {
                finished();
                complete();
                return;
            }
            try {
                emitter.send(next);
            } catch (Exception e) {
                // the connection is gone (or the stream already ended): drop this subscriber
                finished();
                complete();
                return;
            }
        }
    }

    /** Ends the stream now, unsent events or not (server shutdown). */
    void close() {
        finished();
        complete();
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // already completed or failed: nothing left to close
        }
    }

    private void finished() {
        Consumer<ChangeSubscriber> action;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            unsent.clear();
            action = onDone;
        }
        action.accept(this);
    }

    synchronized boolean isDone() {
        return done;
    }
}
