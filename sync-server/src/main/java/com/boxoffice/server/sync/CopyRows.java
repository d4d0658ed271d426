package com.boxoffice.server.sync;

import java.io.StringReader;
import java.time.Instant;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, sent with PostgreSQL's {@code COPY ... FROM STDIN} in its text format: one
 * statement and one stream for a whole batch, where batched INSERTs bind every value of every row
 * as a parameter on both sides. Constraints and triggers apply as to an INSERT, and a violation
 * fails the COPY (and the transaction) with the same SQL state, so the caller sees the same
 * {@link org.springframework.dao.DataIntegrityViolationException}.
 */
final class CopyRows {

    private final String target;
    private final StringBuilder text = new StringBuilder(16 * 1024);
    private int rows;
    private final Instant[] recent = new Instant[2];
    private final String[] recentText = new String[2];
    private int nextSlot;
    private boolean first = true;

    /** @param target the table and its columns, as after {@code COPY}: {@code "ticket (id, order_id)"} */
    CopyRows(String target) {
        this.target = target;
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        // ids, codes and prices have nothing to escape: appended whole, not char by char
        text.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyRows add(Long value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            text.append(value.longValue());
        }
        return this;
    }

    CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    /**
     * A timestamp, in ISO 8601 with its offset (UTC), which PostgreSQL reads into a timestamptz. Most
     * rows of a batch carry the instant the batch was applied, so the last two instants written are
     * kept in their text form.
     */
    CopyRows add(Instant value) {
        if (value == null) {
            return add((String) null);
        }
        if (value.equals(recent[0])) {
            return add(recentText[0]);
        }
        if (value.equals(recent[1])) {
            return add(recentText[1]);
        }
        int slot = nextSlot;
        nextSlot = 1 - nextSlot;
        recent[slot] = value;
        recentText[slot] = value.toString();
        return add(recentText[slot]);
    }

    /** Ends the row begun by the values added since the last one. */
    void endRow() {
        text.append('\n');
        rows++;
        first = true;
    }

    int rows() {
        return rows;
    }

    /** Copies the rows into the table on the connection of the caller's transaction; nothing when there are none. */
    void copy(JdbcTemplate jdbc) {
        if (rows == 0) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + target + " FROM STDIN", new StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("Could not stream rows into " + target, e);
            }
        });
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private void separate() {
        if (!first) {
            text.append('\t');
        }
        first = false;
    }
}
