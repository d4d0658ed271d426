package com.boxoffice.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * An installed client's settings file: {@code client.properties} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/boxoffice}, else {@code ~/.config/boxoffice}), or the file named by
 * {@code BOXOFFICE_CONFIG}. It holds what a venue sets once per terminal (Redis URL and
 * credentials, sync-server URL, terminal id and credential, mode) as {@code name=value} lines of the
 * same names as the command line's. The command line and the environment win over it; it wins over
 * the built-in defaults. A missing file is no settings; an unreadable one stops the start with a
 * message naming it, rather than a terminal quietly selling under the wrong name.
 */
public record ClientConfigFile(Path path, Map<String, Object> settings) {

    /** The property source's name, as the environment lists it. */
    static final String SOURCE = "clientConfigFile";

    /** Where the settings file of this user is: {@code env} and {@code userHome} as the process has them. */
    public static Path location(Map<String, String> env, String userHome) {
        String named = env.get("BOXOFFICE_CONFIG");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return configHome.resolve("boxoffice").resolve("client.properties");
    }

    /** The user's settings file, read. */
    public static ClientConfigFile ofThisUser() {
        return read(location(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * Reads the file (no settings when there is none).
     *
     * @throws IllegalStateException when it exists but cannot be read
     */
    public static ClientConfigFile read(Path path) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (Files.exists(path)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the settings file " + path + ": " + e.getMessage()
                        + ". Fix or remove it, or name another with BOXOFFICE_CONFIG.", e);
            }
            properties.stringPropertyNames().stream().sorted()
                    .forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        }
        return new ClientConfigFile(path, Map.copyOf(settings));
    }

    /** A setting's value, or {@code fallback} when the file does not set it. */
    public String get(String name, String fallback) {
        Object value = settings.get(name);
        return value == null ? fallback : value.toString();
    }

    /** Puts the file's settings below the command line, system properties and environment, above the defaults. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> context.getEnvironment().getPropertySources().addAfter(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new MapPropertySource(SOURCE, settings));
    }
}
