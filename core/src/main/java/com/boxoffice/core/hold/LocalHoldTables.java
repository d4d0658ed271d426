package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.boxoffice.core.performance.Channel;

/**
 * The tables of {@code V5__local_hold_store.sql} behind {@link LocalHoldStore}: reading a
 * performance back after a restart and writing one call's changes in one transaction. Plain JDBC
 * in SQL that H2 and PostgreSQL both run; the store knows from its memory whether each row exists,
 * so it never needs a dialect's upsert.
 */
final class LocalHoldTables {

    private final DataSource dataSource;

    LocalHoldTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes every commit reach the database file before it returns. H2 otherwise keeps commits in
     * memory for up to half a second (its write delay), and a terminal killed in that time would
     * come back without sales it had already printed tickets for, free to sell those seats again.
     * The setting is the database's own and persists; other databases are left as they are.
     */
    void requireDurableCommits() {
        try (Connection connection = dataSource.getConnection()) {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
            }
        } catch (SQLException e) {
            throw new HoldStorageException("Could not make the database write each commit at once", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new HoldStorageException("Could not " + what, e);
        }
    }

    // --- reading ---

    /** The performance as stored, or null when its seats were never loaded here. */
    LocalSeatMap read(PerformanceSeating seating) {
        String performanceId = seating.performance().id();
        return inTransaction("read the seats of performance " + performanceId, c -> {
            int seatCount;
            long feedSeq;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seat_count, feed_seq FROM local_performance WHERE performance_id = ?")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    seatCount = rs.getInt(1);
                    feedSeq = rs.getLong(2);
                }
            }
            if (seatCount != seating.layout().size()) {
                throw new UnknownPerformanceException("Performance " + performanceId + " was stored with " + seatCount
                        + " seats but its venue now has " + seating.layout().size() + "; load it again");
            }
            LocalSeatMap seats = new LocalSeatMap(seating);
            seats.restoreFeedSeq(feedSeq);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seat_index, state, owner FROM local_seat_state WHERE performance_id = ?")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int seat = rs.getInt(1);
                        if (seat < 0 || seat >= seatCount) {
                            throw new SQLException("Seat index " + seat + " out of range for performance " + performanceId);
                        }
                        seats.restoreSeat(seat, (byte) rs.getString(2).charAt(0), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT hold_id, status, owner, buyer, token_hash, channel, terminal_id, seats, previous_states,"
                            + " created_at, expires_at, extensions, order_id, ended_at"
                            + " FROM local_hold WHERE performance_id = ?")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long endedAt = rs.getLong(14);
                        Long ended = rs.wasNull() ? null : endedAt;
                        seats.restoreHold(new LocalHoldRecord(rs.getString(1), HoldStatus.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5).trim(), Channel.valueOf(rs.getString(6)),
                                rs.getString(7), parseSeats(rs.getString(8)), rs.getString(9).getBytes(StandardCharsets.US_ASCII),
                                rs.getLong(10), rs.getLong(11), rs.getInt(12), rs.getString(13), ended));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT buyer, seats FROM local_buyer WHERE performance_id = ?")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seats.restoreBuyer(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sale_id, order_id FROM local_applied_sale WHERE performance_id = ?")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seats.restoreSale(rs.getString(1), rs.getString(2));
                    }
                }
            }
            seats.restored();
            return seats;
        });
    }

    /** Ids of the stored live holds of a performance, the one running out first first. */
    List<String> liveHoldIds(String performanceId) {
        return inTransaction("read the holds of performance " + performanceId, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hold_id FROM local_hold"
                    + " WHERE performance_id = ? AND status = 'HELD' ORDER BY expires_at, hold_id")) {
                ps.setString(1, performanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    // --- writing ---

    /** Writes one call's changes, all or none. */
    void write(String performanceId, LocalChange change) {
        LocalSeatMap base = change.base();
        inTransaction("store a change to performance " + performanceId, c -> {
            writeSeats(c, performanceId, base, change.seatWrites());
            writeHolds(c, performanceId, base, change);
            writeBuyers(c, performanceId, base, change.buyerWrites());
            if (!change.saleWrites().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO local_applied_sale (performance_id, sale_id, order_id) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, String> sale : change.saleWrites().entrySet()) {
                        ps.setString(1, performanceId);
                        ps.setString(2, sale.getKey());
                        ps.setString(3, sale.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (change.feedEntries() > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE local_performance SET feed_seq = ? WHERE performance_id = ?")) {
                    ps.setLong(1, base.feedSeq() + change.feedEntries());
                    ps.setString(2, performanceId);
                    expectOne(ps.executeUpdate(), "performance " + performanceId);
                }
            }
            return null;
        });
    }

    /**
     * Replaces everything stored about a performance with a freshly loaded seat map: its seats,
     * buyer counts, order tallies and feed counter; every hold and applied journal sale is forgotten.
     */
    void replace(LocalSeatMap seats, long loadedAt) {
        String performanceId = seats.seating().performance().id();
        inTransaction("load the seats of performance " + performanceId, c -> {
            for (String table : List.of("local_applied_sale", "local_buyer", "local_hold", "local_seat_state")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE performance_id = ?")) {
                    ps.setString(1, performanceId);
                    ps.executeUpdate();
                }
            }
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE local_performance SET seat_count = ?, feed_seq = ?, loaded_at = ? WHERE performance_id = ?")) {
                ps.setInt(1, seats.layout().size());
                ps.setLong(2, seats.feedSeq());
                ps.setLong(3, loadedAt);
                ps.setString(4, performanceId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO local_performance"
                        + " (performance_id, seat_count, feed_seq, loaded_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, performanceId);
                    ps.setInt(2, seats.layout().size());
                    ps.setLong(3, seats.feedSeq());
                    ps.setLong(4, loadedAt);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO local_seat_state (performance_id, seat_index, state, owner) VALUES (?, ?, ?, ?)")) {
                int batched = 0;
                for (int seat = 0; seat < seats.layout().size(); seat++) {
                    if (seats.state(seat) != LocalSeatMap.FREE) {
                        bindSeat(ps, performanceId, seat, seats.state(seat), seats.owner(seat));
                        ps.addBatch();
                        if (++batched % 1000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO local_buyer (performance_id, buyer, seats) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Integer> buyer : seats.buyerCounts().entrySet()) {
                    ps.setString(1, performanceId);
                    ps.setString(2, buyer.getKey());
                    ps.setInt(3, buyer.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO local_applied_sale (performance_id, sale_id, order_id) VALUES (?, ?, ?)")) {
                int batched = 0;
                for (Map.Entry<String, String> sale : seats.appliedSales().entrySet()) {
                    ps.setString(1, performanceId);
                    ps.setString(2, sale.getKey());
                    ps.setString(3, sale.getValue());
                    ps.addBatch();
                    if (++batched % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void writeSeats(Connection c, String performanceId, LocalSeatMap base,
                                   Map<Integer, LocalChange.SeatWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO local_seat_state (performance_id, seat_index, state, owner) VALUES (?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE local_seat_state SET state = ?, owner = ? WHERE performance_id = ? AND seat_index = ?");
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM local_seat_state WHERE performance_id = ? AND seat_index = ?")) {
            int inserts = 0;
            int updates = 0;
            int deletes = 0;
            for (Map.Entry<Integer, LocalChange.SeatWrite> entry : writes.entrySet()) {
                int seat = entry.getKey();
                byte was = base.state(seat);
                LocalChange.SeatWrite write = entry.getValue();
                if (was == LocalSeatMap.FREE && write.state() == LocalSeatMap.FREE) {
                    continue;
                }
                if (was == LocalSeatMap.FREE) {
                    bindSeat(insert, performanceId, seat, write.state(), write.owner());
                    insert.addBatch();
                    inserts++;
                } else if (write.state() == LocalSeatMap.FREE) {
                    delete.setString(1, performanceId);
                    delete.setInt(2, seat);
                    delete.addBatch();
                    deletes++;
                } else {
                    update.setString(1, String.valueOf((char) write.state()));
                    setNullable(update, 2, write.owner());
                    update.setString(3, performanceId);
                    update.setInt(4, seat);
                    update.addBatch();
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                expectEach(update.executeBatch(), "seat row to update");
            }
            if (deletes > 0) {
                expectEach(delete.executeBatch(), "seat row to delete");
            }
        }
    }

    private static void writeHolds(Connection c, String performanceId, LocalSeatMap base, LocalChange change)
            throws SQLException {
        if (!change.purged().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM local_hold WHERE hold_id = ?")) {
                for (String holdId : change.purged()) {
                    ps.setString(1, holdId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (change.holdWrites().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO local_hold (hold_id, performance_id, status,"
                + " owner, buyer, token_hash, channel, terminal_id, seats, previous_states, created_at, expires_at,"
                + " extensions, order_id, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE local_hold SET status = ?, expires_at = ?,"
                     + " extensions = ?, order_id = ?, ended_at = ? WHERE hold_id = ?")) {
            int inserts = 0;
            int updates = 0;
            for (LocalHoldRecord hold : change.holdWrites().values()) {
                if (base.hasHold(hold.id())) {
                    update.setString(1, hold.status().name());
                    update.setLong(2, hold.expiresAt());
                    update.setInt(3, hold.extensions());
                    setNullable(update, 4, hold.orderId());
                    setNullable(update, 5, hold.endedAt());
                    update.setString(6, hold.id());
                    update.addBatch();
                    updates++;
                } else {
                    insert.setString(1, hold.id());
                    insert.setString(2, performanceId);
                    insert.setString(3, hold.status().name());
                    insert.setString(4, hold.owner());
                    setNullable(insert, 5, hold.buyer());
                    insert.setString(6, hold.tokenHash());
                    insert.setString(7, hold.channel().name());
                    setNullable(insert, 8, hold.terminal());
                    insert.setString(9, joinSeats(hold.seats()));
                    insert.setString(10, new String(hold.previous(), StandardCharsets.US_ASCII));
                    insert.setLong(11, hold.createdAt());
                    insert.setLong(12, hold.expiresAt());
                    insert.setInt(13, hold.extensions());
                    setNullable(insert, 14, hold.orderId());
                    setNullable(insert, 15, hold.endedAt());
                    insert.addBatch();
                    inserts++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                expectEach(update.executeBatch(), "hold row to update");
            }
        }
    }

    private static void writeBuyers(Connection c, String performanceId, LocalSeatMap base, Map<String, Integer> writes)
            throws SQLException {
        for (Map.Entry<String, Integer> entry : writes.entrySet()) {
            String buyer = entry.getKey();
            int was = base.buyerSeats(buyer);
            int now = entry.getValue();
            String sql;
            if (was == now) {
                continue;
            } else if (now == 0) {
                sql = "DELETE FROM local_buyer WHERE performance_id = ? AND buyer = ?";
            } else if (was == 0) {
                sql = "INSERT INTO local_buyer (seats, performance_id, buyer) VALUES (?, ?, ?)";
            } else {
                sql = "UPDATE local_buyer SET seats = ? WHERE performance_id = ? AND buyer = ?";
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (now != 0) {
                    ps.setInt(i++, now);
                }
                ps.setString(i++, performanceId);
                ps.setString(i, buyer);
                expectOne(ps.executeUpdate(), "buyer row of " + buyer);
            }
        }
    }

    private static void bindSeat(PreparedStatement ps, String performanceId, int seat, byte state, String owner)
            throws SQLException {
        ps.setString(1, performanceId);
        ps.setInt(2, seat);
        ps.setString(3, String.valueOf((char) state));
        setNullable(ps, 4, owner);
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** A row the memory says exists but the database lacks means the two disagree: refuse the write. */
    private static void expectOne(int count, String what) throws SQLException {
        if (count == 0) {
            throw new SQLException("No " + what + " in the database; memory and database disagree");
        }
    }

    private static void expectEach(int[] counts, String what) throws SQLException {
        for (int count : counts) {
            if (count != Statement.SUCCESS_NO_INFO) {
                expectOne(count, what);
            }
        }
    }

    static String joinSeats(int[] seats) {
        StringBuilder out = new StringBuilder(seats.length * 6);
        for (int seat : seats) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(seat);
        }
        return out.toString();
    }

    static int[] parseSeats(String csv) {
        if (csv == null || csv.isEmpty()) {
            return new int[0];
        }
        String[] parts = csv.split(",");
        int[] seats = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            seats[i] = Integer.parseInt(parts[i]);
        }
        return seats;
    }
}
