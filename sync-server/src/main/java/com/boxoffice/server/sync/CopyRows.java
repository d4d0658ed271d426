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
        for (int i = 0; i < value.length(); i++) {
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

    /** A timestamp, in ISO 8601 with its offset (UTC), which PostgreSQL reads into a timestamptz. */
    CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
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

    private void separate() {
        if (!first) {
            text.append('\t');
        }
        first = false;
    }
}
