package com.boxoffice.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

/**
 * The one way the client leaves and returns to the FX thread: blocking work (Redis, the journal,
 * the card terminal) runs on a background thread, its result is handed back on the FX thread, so
 * the window never freezes.
 */
public final class Fx {

    private static final ExecutorService WORKERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("client-work-", 0).factory());

    private Fx() {
    }

    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the FX thread. */
    public static <T> CompletableFuture<T> inBackground(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, WORKERS);
        future.whenComplete((result, error) -> onFxThread(() -> {
            if (error == null) {
                done.accept(result);
            } else {
                failed.accept(error.getCause() != null ? error.getCause() : error);
            }
        }));
        return future;
    }

    public static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
