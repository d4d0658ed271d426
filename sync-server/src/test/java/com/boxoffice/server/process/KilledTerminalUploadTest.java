package com.boxoffice.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;
import com.boxoffice.terminalprocess.UploadingTerminal;

/**
 * A terminal process killed with SIGKILL in the middle of uploading its outbox, twice, then started
 * again on the same H2 file: once while a batch is on its way to the server, once after the server
 * answered a batch and before the terminal stored the answer. After the last start the outbox is
 * empty, every entry carries the server's answer, and PostgreSQL and Redis hold every sale exactly
 * once.
 */
class KilledTerminalUploadTest extends SyncTestBase {

    private static final int SALES = 300;
    private static final int BATCH = 50;

    @TempDir
    Path dir;

    private Process terminal;

    @AfterEach
    void stopTerminal() throws InterruptedException {
        if (terminal != null && terminal.isAlive()) {
            terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTerminalKilledMidUploadDeliversEverySaleOnceAfterRestart() throws Exception {
        SyncFixture.Manager manager = fx.manager();
        String terminalId = fx.newTerminalId();
        String credential = fx.register(manager, terminalId, TerminalKind.BOX_OFFICE);
        List<String> performances = new ArrayList<>();
        while (performances.size() * 60 < SALES) {
            String p = fx.newPerformance();
            fx.states(p);
            performances.add(p);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SALES; i++) {
            lines.add(SyncFixture.JSON.writeValueAsString(
                    SyncFixture.sale(i + 1, performances.get(i / 60), "AT_RISK", seat(i % 60))));
        }
        Path salesFile = dir.resolve("sales.jsonl");
        Files.write(salesFile, lines);
        Path journal = dir.resolve("terminal");

        // 1: killed while its second batch is on the way (the server may or may not have applied it)
        terminal = start(journal, terminalId, credential, salesFile, "sending:2");
        awaitLine(terminal, "SENDING 2");
        kill(terminal);
        assertThat(undelivered(journal)).as("the first batch was delivered and stored before the kill")
                .isEqualTo(SALES - BATCH);

        // 2: killed after the server answered its third batch, before the answer was stored
        terminal = start(journal, terminalId, credential, salesFile, "answered:3");
        awaitLine(terminal, "ANSWERED 3");
        kill(terminal);
        long waitingAfterSecondKill = undelivered(journal);
        long recordedAfterSecondKill = fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ?", terminalId);
        assertThat(recordedAfterSecondKill).as("the server has sales the terminal does not know were delivered")
                .isGreaterThan(SALES - waitingAfterSecondKill);

        // 3: runs to the end
        terminal = start(journal, terminalId, credential, salesFile, "none");
        String done = awaitLine(terminal, "DONE");
        assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(done).endsWith("waiting=0");

        Map<String, Long> outcomes = outcomes(journal);
        assertThat(outcomes).as("every outbox entry delivered with the server's answer")
                .isEqualTo(Map.of("ACCEPTED", (long) SALES));
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ?", terminalId)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE terminal_id = ?", terminalId)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM ticket t JOIN sale_order o ON o.id = t.order_id"
                + " WHERE o.terminal_id = ? AND t.status = 'LIVE'", terminalId)).isEqualTo(SALES);
        assertThat(fx.count("SELECT count(*) FROM payment p JOIN sale_order o ON o.id = p.order_id"
                + " WHERE o.terminal_id = ?", terminalId)).isEqualTo(SALES);
        for (String p : performances) {
            assertThat(holds.availability(p).soldByTerminal()).as("seats sold in Redis for " + p)
                    .containsEntry(terminalId, 60L);
        }
    }

    /** The test house's seats in layout order: STALLS A..E 1..12. */
    private static String seat(int i) {
        return "STALLS-" + (char) ('A' + i / 12) + "-" + (i % 12 + 1);
    }

    private Process start(Path journal, String terminalId, String credential, Path salesFile, String stop)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                UploadingTerminal.class.getName(), journal.toString(), "http://127.0.0.1:" + port, terminalId,
                credential, salesFile.toString(), String.valueOf(BATCH), stop)
                .redirectErrorStream(true).start();
    }

    /** Reads the process's output until a line starts with {@code prefix}; that line. */
    private static String awaitLine(Process process, String prefix) throws Exception {
        StringBuilder seen = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("The terminal never printed " + prefix + "; it printed:\n" + seen);
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        assertThat(process.isAlive()).isFalse();
    }

    private static long undelivered(Path journal) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + journal, "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> outcomes(Path journal) throws Exception {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + journal, "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(outcome, 'NONE'), count(*) FROM outbox GROUP BY outcome")) {
            while (rs.next()) {
                outcomes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return outcomes;
    }
}
