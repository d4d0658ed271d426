package com.boxoffice.ui.common;

import javafx.scene.input.KeyCombination;

/** A key and what it does, installed on the scene while the screen that owns it is showing. */
public record Shortcut(KeyCombination key, Runnable action) {
}
