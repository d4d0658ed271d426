package com.boxoffice.installers.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boxoffice.testsupport.TestRedis;

/**
 * The client's Debian package, unpacked as dpkg would install it: three launchers in
 * {@code /opt/boxoffice/bin} with a menu entry and icon each, the bundled Java runtime, and a
 * client that starts from there.
 */
class ClientDebPackageIT {

    private static final Path PACKAGES = Path.of(System.getProperty("client.package", "target/client/package"));
    private static final List<String> LAUNCHERS = List.of("Box Office", "Box Office Kiosk", "Box Office Manager");

    @TempDir
    Path root;

    private Path deb;

    @BeforeEach
    void findPackage() throws Exception {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("one .deb built by -Pinstallers package in " + PACKAGES).hasSize(1);
            deb = debs.getFirst();
        }
    }

    @Test
    void declaresWhatItIsAndWhatItNeeds() throws Exception {
        assertThat(deb.getFileName().toString()).matches("boxoffice_[0-9]+\\.[0-9]+\\.[0-9]+_amd64\\.deb");
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Package")).isEqualTo("boxoffice");
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Maintainer")).isEqualTo("Box Office <support@boxoffice.example>");
        // JavaFX draws with GTK 3, which jpackage cannot see in the jars: the package must ask for it
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Depends")).contains("libgtk-3-0");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "postinst"))
                .as("menu entries are installed with the package")
                .contains("xdg-desktop-menu install /opt/boxoffice/lib/boxoffice-Box_Office_Kiosk.desktop");
    }

    @Test
    void installsThreeLaunchersEachWithAMenuEntryAndIconAndTheirOwnJavaRuntime() throws Exception {
        run("dpkg-deb", "--extract", deb.toString(), root.toString());
        Path opt = root.resolve("opt/boxoffice");

        Set<String> comments = new HashSet<>();
        for (String launcher : LAUNCHERS) {
            assertThat(Files.isExecutable(opt.resolve("bin").resolve(launcher))).as(launcher).isTrue();
            Path entry = opt.resolve("lib/boxoffice-" + launcher.replace(' ', '_') + ".desktop");
            String desktop = Files.readString(entry, StandardCharsets.UTF_8);
            assertThat(desktop).contains("Name=" + launcher + "\n", "Exec=\"/opt/boxoffice/bin/" + launcher + "\"\n",
                    "Type=Application");
            String icon = desktop.lines().filter(l -> l.startsWith("Icon=")).findFirst().orElseThrow().substring(5);
            assertThat(root.resolve(icon.substring(1))).as("the icon its menu entry names").isRegularFile();
            comments.add(desktop.lines().filter(l -> l.startsWith("Comment=")).findFirst().orElseThrow());
        }
        assertThat(comments).as("each menu entry says what its launcher opens").hasSize(3);
        assertThat(Files.readAllBytes(opt.resolve("lib/Box_Office_Kiosk.png")))
                .as("the kiosk has its own icon").isNotEqualTo(Files.readAllBytes(opt.resolve("lib/Box_Office.png")));

        Path runtime = opt.resolve("lib/runtime");
        String release = Files.readString(runtime.resolve("release"));
        assertThat(release).contains("JAVA_VERSION=", "java.desktop", "java.sql", "jdk.unsupported");
        assertThat(release).as("only what the client needs is linked in").doesNotContain("jdk.compiler", "jdk.jshell");
        assertThat(run(runtime.resolve("bin/java").toString(), "-version")).contains("Runtime Environment");
        assertThat(opt.resolve("lib/app")).isDirectoryContaining("glob:**/boxoffice-app-ui-*.jar");

        // and the client starts from where the package puts it, on its own runtime
        try (VirtualDisplay display = VirtualDisplay.start(1280, 800);
             ClientLaunch client = ClientLaunch.start(opt.resolve("bin/Box Office"), display, root.resolve("user"), Map.of(
                     "boxoffice.holds.redis-url", TestRedis.url() + "/13",
                     "boxoffice.client.terminal-id", "window-9"))) {
            assertThat(client.awaitLine("First screen shown:")).endsWith("box office sign-in on terminal window-9");
            String version = release.lines().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow()
                    .substring("JAVA_VERSION=".length()).replace("\"", "");
            assertThat(client.awaitLine("Starting application using Java")).contains("using Java " + version + " ");
        }
    }

    @Test
    void installsOnAMachineWithoutADesktopMenu() throws Exception {
        // a bare kiosk or server: xdg-desktop-menu finds no menu folder to add the launchers to
        Path control = root.resolve("control");
        run("dpkg-deb", "--control", deb.toString(), control.toString());
        Path noMenus = Files.createDirectories(root.resolve("no-menus"));
        ProcessBuilder configure = new ProcessBuilder("sh", control.resolve("postinst").toString(), "configure")
                .redirectErrorStream(true);
        for (String variable : List.of("XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME")) {
            configure.environment().put(variable, noMenus.toString());
        }
        Process postinst = configure.start();
        String said = new String(postinst.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(postinst.waitFor()).as("the package still installs:\n" + said).isZero();
        if (!said.isBlank()) {
            assertThat(said).contains("boxoffice: no desktop menu on this machine to add the launchers to; "
                    + "start them from /opt/boxoffice/bin");
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output.strip();
    }
}
