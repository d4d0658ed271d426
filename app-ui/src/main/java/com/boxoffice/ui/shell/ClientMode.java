package com.boxoffice.ui.shell;

import java.util.Locale;

/** What a client window is for; chosen at start, one per launcher of an installed build. */
public enum ClientMode {
    /** A clerk at the venue window: any seat, cash and card, refunds, shifts. */
    BOX_OFFICE("Box office"),
    /** Self-service: full screen, touch, best available first, card only. */
    KIOSK("Kiosk"),
    /** Live seat maps and counts, blocking and allocating seats. */
    MANAGER("Manager");

    private final String title;

    ClientMode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Reads {@code box-office}, {@code kiosk} or {@code manager} (any case, '-' or '_'). */
    public static ClientMode parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ClientMode mode : values()) {
            if (mode.name().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown client mode '" + text + "': use box-office, kiosk or manager");
    }
}
