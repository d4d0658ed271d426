package com.boxoffice.core.hold;

/** The state of one seat at one performance. */
public enum SeatState {
    AVAILABLE('.'), HELD('H'), SOLD('S'), BLOCKED('B'), ALLOCATED('A');

    private final char code;

    SeatState(char code) {
        this.code = code;
    }

    /** The one-character code used in compact snapshots and in Redis. */
    public char code() {
        return code;
    }

    public static SeatState ofCode(char code) {
        return switch (code) {
            case '.' -> AVAILABLE;
            case 'H' -> HELD;
            case 'S' -> SOLD;
            case 'B' -> BLOCKED;
            case 'A' -> ALLOCATED;
            default -> throw new IllegalArgumentException("Unknown seat state code '" + code + "'");
        };
    }
}
