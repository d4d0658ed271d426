package com.boxoffice.ui.shell;

import javafx.application.Application;

/** Starts the client from a plain class path, where JavaFX refuses a main class that extends Application. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(BoxOfficeApp.class, args);
    }
}
