package com.boxoffice.installers.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.boxoffice.testsupport.TestRedis;

/**
 * The client's app image (jlink runtime + jpackage launchers), each launcher started with no
 * arguments on a real X display, as from the desktop menu: it must reach its own first screen,
 * with the settings of the user's {@code client.properties}, and show it.
 */
class ClientAppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("client.image", "target/client/image/Box Office"));

    private static VirtualDisplay display;

    @TempDir
    Path folder;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = VirtualDisplay.start(1440, 900);
    }

    @AfterAll
    static void stopDisplay() throws Exception {
        if (display != null) {
            display.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Box Office         | box office sign-in   | Box office | window-7
            Box Office Kiosk   | kiosk start screen   | Kiosk      | kiosk-3
            Box Office Manager | manager sign-in      | Manager    | office-1
            """)
    void eachLauncherOpensItsOwnFirstScreen(String launcher, String firstScreen, String title, String terminal)
            throws Exception {
        Path executable = IMAGE.resolve("bin").resolve(launcher);
        assertThat(Files.isExecutable(executable)).as(executable + " is built by -Pinstallers package").isTrue();
        assertThat(IMAGE.resolve("lib").resolve(launcher + ".png")).as("its own icon").isRegularFile();

        try (ClientLaunch client = ClientLaunch.start(executable, display, folder, Map.of(
                "boxoffice.holds.redis-url", TestRedis.url() + "/13",
                "boxoffice.client.terminal-id", terminal,
                "boxoffice.client.kiosk-pin", "2468"))) {
            String shown = client.awaitLine("First screen shown:");
            assertThat(shown).as(client.tail()).endsWith("First screen shown: " + firstScreen + " on terminal " + terminal);
            assertThat(folder.resolve("data/journal.mv.db")).as("the journal is where the settings say").isRegularFile();

            // the window is on the display under its mode's title, and it shows something
            awaitWindow(title + " - " + terminal);
            BufferedImage screen = awaitPainted();
            Path saved = Files.createDirectories(VirtualDisplay.screenshotFolder()).resolve(launcher.replace(' ', '-') + ".png");
            ImageIO.write(screen, "png", saved.toFile());
            assertThat(colours(screen)).as("colours on the screen (" + saved + ")").isGreaterThan(50);
            assertThat(client.isAlive()).isTrue();
        }
    }

    private static void awaitWindow(String title) throws Exception {
        String windows = "";
        for (int i = 0; i < 40; i++) {
            windows = display.windows();
            if (windows.contains("\"" + title + "\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no window titled \"" + title + "\" on the display:\n" + windows);
    }

    /** The screen once the window has drawn its first frame (a new window is blank for a moment). */
    private static BufferedImage awaitPainted() throws Exception {
        BufferedImage screen = display.screenshot();
        for (int i = 0; i < 60 && colours(screen) <= 50; i++) {
            Thread.sleep(250);
            screen = display.screenshot();
        }
        return screen;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
