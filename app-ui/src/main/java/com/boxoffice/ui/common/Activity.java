package com.boxoffice.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a screen is doing and last said: busy while a call to the core runs in the background, and
 * a message for the person at it (what happened, or what went wrong and what to do next). Every
 * view model that calls the core keeps one; call it from the FX thread.
 */
public final class Activity {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message reports a problem. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A call is under way: buttons that would start another one are disabled. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public boolean isProblem() {
        return problem.get();
    }

    public void say(String text, boolean isProblem) {
        message.set(text);
        problem.set(isProblem);
    }

    /** Runs {@code work} in the background while busy; a failure is said as a sentence. */
    public <T> void run(Supplier<T> work, Consumer<T> done) {
        run(work, done, error -> say(Problems.describe(error), true));
    }

    /** Runs {@code work} in the background while busy, then {@code done} or {@code failed} on the FX thread. */
    public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        busy.set(true);
        Fx.inBackground(work, result -> {
            busy.set(false);
            done.accept(result);
        }, error -> {
            busy.set(false);
            failed.accept(error);
        });
    }
}
