package com.boxoffice.core.terminal;

/** What a registered terminal is used for. */
public enum TerminalKind {
    /** A ticket window, staffed, able to sell from its allocation while offline. */
    BOX_OFFICE,
    /** A self-service machine. */
    KIOSK,
    /** A manager's station: blocks and allocates seats, refunds, reports. */
    MANAGER
}
