package com.boxoffice.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class ClientConfigFileTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClientProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void theFileIsInTheUsersConfigFolderUnlessNamed() {
        assertThat(ClientConfigFile.location(Map.of(), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.config/boxoffice/client.properties"));
        assertThat(ClientConfigFile.location(Map.of("XDG_CONFIG_HOME", "/srv/conf"), "/home/ada"))
                .isEqualTo(Path.of("/srv/conf/boxoffice/client.properties"));
        assertThat(ClientConfigFile.location(Map.of("XDG_CONFIG_HOME", "/srv/conf", "BOXOFFICE_CONFIG", "/etc/window-3.properties"),
                "/home/ada")).isEqualTo(Path.of("/etc/window-3.properties"));
    }

    @Test
    void theFilesSettingsBeatTheDefaultsAndTheCommandLineBeatsTheFile() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                # window 7, at the north entrance
                boxoffice.client.terminal-id = window-7
                boxoffice.client.mode=manager
                boxoffice.client.demo=false
                boxoffice.client.sync-url=http://sync.venue.example:8080
                boxoffice.client.sync-credential=window-7.s3cret
                boxoffice.holds.redis-url=redis://clerk:pw@redis.venue.example:6379/2
                """);
        ClientConfigFile config = ClientConfigFile.read(file);
        assertThat(config.get("boxoffice.holds.redis-url", "")).isEqualTo("redis://clerk:pw@redis.venue.example:6379/2");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PropertiesOnly.class)
                .web(WebApplicationType.NONE)
                .initializers(config.initializer())
                .run("--boxoffice.client.mode=kiosk")) {
            ClientProperties properties = context.getBean(ClientProperties.class);
            assertThat(properties.terminalId()).isEqualTo("window-7");
            assertThat(properties.demo()).isFalse();
            assertThat(properties.syncUrl()).isEqualTo("http://sync.venue.example:8080");
            assertThat(properties.syncCredential()).isEqualTo("window-7.s3cret");
            assertThat(properties.clientMode()).as("the command line wins").isEqualTo(ClientMode.KIOSK);
        }
    }

    @Test
    void noFileMeansTheDefaults() {
        ClientConfigFile config = ClientConfigFile.read(dir.resolve("missing.properties"));
        assertThat(config.settings()).isEmpty();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PropertiesOnly.class)
                .web(WebApplicationType.NONE).initializers(config.initializer()).run()) {
            assertThat(context.getBean(ClientProperties.class).terminalId()).isEqualTo("window-1");
        }
    }

    @Test
    void anUnreadableFileStopsTheStartNamingIt() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "boxoffice.client.terminal-id=window-\\u12zz\n");
        assertThatThrownBy(() -> ClientConfigFile.read(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("BOXOFFICE_CONFIG");
    }
}
