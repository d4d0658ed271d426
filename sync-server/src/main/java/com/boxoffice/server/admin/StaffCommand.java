package com.boxoffice.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.boxoffice.core.shared.BoxOfficeException;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffMember;
import com.boxoffice.core.staff.StaffRole;

/**
 * {@code boxoffice-sync-server create-staff <id> "<name>" manager|clerk}: adds a staff account to the
 * central database and exits, with the server's own settings. It is how the first manager account
 * is made on a new installation (the manager that registers terminals and decides conflicts).
 * The PIN is asked for twice on a terminal, or read from the first line of standard input.
 */
public final class StaffCommand {

    public static final String NAME = "create-staff";

    /** Exit codes: done; a wrong command line or account (nothing stored); the server could not start. */
    public static final int DONE = 0;
    public static final int REFUSED = 2;
    public static final int FAILED = 1;

    private StaffCommand() {
    }

    /** Whether the command line asks for this command rather than the server. */
    public static boolean isCommand(String[] args) {
        List<String> words = words(args);
        return !words.isEmpty() && words.getFirst().equals(NAME);
    }

    /**
     * Runs the command.
     *
     * @param application the server's configuration class, started without its web server
     * @param args        {@code create-staff id name role}, and any {@code --name=value} settings
     */
    public static int run(Class<?> application, String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> words = words(args);
        if (words.size() != 4) {
            err.println("usage: boxoffice-sync-server create-staff <id> \"<name>\" manager|clerk");
            err.println("       (the PIN, 4 to 8 digits, is asked for, or read from standard input)");
            return REFUSED;
        }
        String id = words.get(1);
        String name = words.get(2);
        StaffRole role;
        try {
            role = StaffRole.valueOf(words.get(3).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("create-staff: the role is manager or clerk, not '" + words.get(3) + "'");
            return REFUSED;
        }
        if (role == StaffRole.KIOSK) {
            err.println("create-staff: kiosks have no staff account; give a kiosk its own PIN in its settings instead");
            return REFUSED;
        }
        String pin;
        try {
            pin = readPin(id, in, err);
        } catch (IOException e) {
            err.println("create-staff: could not read the PIN: " + e.getMessage());
            return REFUSED;
        }
        if (pin == null) {
            return REFUSED;
        }

        String[] settings = Arrays.stream(args).filter(arg -> arg.startsWith("--")).toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            // the server as configured, listening nowhere (port -1: no HTTP server, the web beans still made)
            context = new SpringApplicationBuilder(application)
                    .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "server.port=-1",
                            "boxoffice.holds.sweeper=false")
                    .run(settings);
        } catch (RuntimeException e) {
            err.println("create-staff: the server's settings did not start (database, Redis?): " + rootMessage(e));
            return FAILED;
        }
        try (context) {
            StaffMember created = context.getBean(StaffDirectory.class).create(id, name, role, pin);
            out.println("Created " + created.role().name().toLowerCase(Locale.ROOT) + " '" + created.staffId() + "' ("
                    + created.displayName() + ").");
            return DONE;
        } catch (BoxOfficeException e) {
            err.println("create-staff: " + e.getMessage() + "; nothing was stored");
            return REFUSED;
        }
    }

    /** The PIN: typed twice, unseen, on a terminal; else the first line of standard input. */
    private static String readPin(String id, InputStream in, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("PIN for %s (4 to 8 digits): ", id);
            char[] again = console.readPassword("The same PIN again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("create-staff: the two PINs differ; nothing was stored");
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isBlank()) {
            err.println("create-staff: no PIN on standard input; nothing was stored");
            return null;
        }
        return line.strip();
    }

    private static List<String> words(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                words.add(arg);
            }
        }
        return words;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
