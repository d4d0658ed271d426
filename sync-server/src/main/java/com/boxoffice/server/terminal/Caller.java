package com.boxoffice.server.terminal;

import com.boxoffice.core.terminal.TerminalKind;

/**
 * Who is calling, once the credential checked out.
 *
 * @param terminalId the terminal; null for the bootstrap token
 * @param kind       the terminal's kind; null for the bootstrap token
 * @param staffId    the staff member named by {@code X-Staff-Id} on a management call; null otherwise
 */
public record Caller(String terminalId, TerminalKind kind, String staffId) {

    public static final Caller BOOTSTRAP = new Caller(null, null, null);

    /** Who the audit trail names for what this caller does. */
    public String actor() {
        if (terminalId == null) {
            return "bootstrap";
        }
        return staffId == null ? terminalId : staffId + "@" + terminalId;
    }
}
