package com.boxoffice.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.boxoffice.core.staff.SignInFailedException;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncServerApplication;
import com.boxoffice.testsupport.TestPostgres;

/** Making the first manager account of a new installation from the command line, on a real database. */
class StaffCommandTest {

    @TempDir
    Path keys;

    private TestPostgres.Database database;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @Test
    void createsAManagerWhoSignsInWithTheGivenPin() throws Exception {
        int code = run("2468", "create-staff", "alice", "Alice Moreau", "manager");

        assertThat(code).as(err.toString()).isEqualTo(StaffCommand.DONE);
        assertThat(out.toString()).contains("Created manager 'alice' (Alice Moreau).");
        try (ConfigurableApplicationContext server = server()) {
            StaffDirectory staff = server.getBean(StaffDirectory.class);
            assertThat(staff.signIn("alice", "2468").role()).isEqualTo(StaffRole.MANAGER);
            assertThatThrownBy(() -> staff.signIn("alice", "1357")).isInstanceOf(SignInFailedException.class);
        }
        assertThat(rows("select kind from audit_event where subject = 'staff/alice'")).contains("STAFF_CREATED");
    }

    @Test
    void refusesWhatItCannotStoreAndChangesNothing() throws Exception {
        assertThat(run("2468", "create-staff", "alice", "Alice Moreau", "manager")).isEqualTo(StaffCommand.DONE);
        List<String> before = rows("select id || ' ' || role || ' ' || pin_hash from staff order by id");

        assertThat(run("2468", "create-staff", "bob", "Bob", "boss")).isEqualTo(StaffCommand.REFUSED);
        assertThat(err.toString()).contains("the role is manager or clerk, not 'boss'");
        assertThat(run("12", "create-staff", "bob", "Bob", "clerk")).isEqualTo(StaffCommand.REFUSED);
        assertThat(err.toString()).contains("A PIN is 4 to 8 digits; nothing was stored");
        assertThat(run("", "create-staff", "bob", "Bob", "clerk")).isEqualTo(StaffCommand.REFUSED);
        assertThat(err.toString()).contains("no PIN on standard input");
        assertThat(run("9999", "create-staff", "alice", "Someone Else", "clerk")).isEqualTo(StaffCommand.REFUSED);
        assertThat(err.toString()).contains("alice").contains("nothing was stored");
        assertThat(run("9999", "create-staff", "bob")).isEqualTo(StaffCommand.REFUSED);
        assertThat(err.toString()).contains("usage: boxoffice-sync-server create-staff");

        assertThat(rows("select id || ' ' || role || ' ' || pin_hash from staff order by id")).isEqualTo(before);
    }

    @Test
    void saysSoWhenTheServersSettingsDoNotStart() {
        int code = StaffCommand.run(SyncServerApplication.class, new String[] {"create-staff", "alice", "Alice", "manager",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--spring.datasource.username=x",
                "--spring.datasource.hikari.initialization-fail-timeout=1", "--boxoffice.holds.redis-url=" + SyncFixture.redisUrl(),
                "--boxoffice.online.ticket-keys=" + keys},
                new ByteArrayInputStream("2468\n".getBytes(StandardCharsets.UTF_8)), print(out), print(err));

        assertThat(code).isEqualTo(StaffCommand.FAILED);
        assertThat(err.toString()).contains("create-staff: the server's settings did not start");
    }

    private int run(String stdin, String... words) {
        err.reset();
        out.reset();
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(settings());
        return StaffCommand.run(SyncServerApplication.class, args.toArray(String[]::new),
                new ByteArrayInputStream((stdin + "\n").getBytes(StandardCharsets.UTF_8)), print(out), print(err));
    }

    private List<String> settings() {
        return List.of("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--boxoffice.holds.redis-url=" + SyncFixture.redisUrl(),
                "--boxoffice.online.ticket-keys=" + keys);
    }

    private ConfigurableApplicationContext server() {
        return new SpringApplicationBuilder(SyncServerApplication.class)
                .properties("server.port=-1", "boxoffice.holds.sweeper=false").run(settings().toArray(String[]::new));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet result = c.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
