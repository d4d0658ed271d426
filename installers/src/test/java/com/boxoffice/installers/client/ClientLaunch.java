package com.boxoffice.installers.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One installed launcher started as a user starts it: no arguments, its settings in
 * {@code client.properties} under the user's config folder ({@code XDG_CONFIG_HOME}), its journal in a
 * folder of its own, its windows on a virtual display.
 */
final class ClientLaunch implements AutoCloseable {

    private static final Duration START_TIME = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;

    private ClientLaunch(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ClientLaunch start(Path launcher, VirtualDisplay display, Path folder, Map<String, String> settings)
            throws IOException {
        Path config = Files.createDirectories(folder.resolve("config/boxoffice"));
        Files.writeString(config.resolve("client.properties"), settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        Path log = folder.resolve("client.log");
        ProcessBuilder start = new ProcessBuilder(launcher.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = start.environment();
        environment.remove("BOXOFFICE_CONFIG");
        environment.keySet().removeIf(name -> name.startsWith("BOXOFFICE_CLIENT_"));
        environment.put("DISPLAY", display.name());
        environment.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        environment.put("BOXOFFICE_DATA_DIR", folder.resolve("data").toString());
        return new ClientLaunch(start.start(), log);
    }

    /** Waits until the client's log has a line containing {@code text}; fails with the log if it stops first. */
    String awaitLine(String text) throws Exception {
        Instant until = Instant.now().plus(START_TIME);
        while (Instant.now().isBefore(until)) {
            List<String> lines = lines();
            for (String line : lines) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("The client stopped (exit code " + process.exitValue() + ") before saying \""
                        + text + "\":\n" + tail());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The client did not say \"" + text + "\" within " + START_TIME + ":\n" + tail());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String tail() {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Asks the client to stop (SIGTERM, as a desktop session ending does) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
