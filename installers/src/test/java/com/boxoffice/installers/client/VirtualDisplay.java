package com.boxoffice.installers.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real X server with no screen (Xvfb), for starting installed launchers as a user would, with
 * what a user would see read back: the window list ({@code xwininfo}) and the screen ({@code xwd}).
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process server;
    private final String display;

    private VirtualDisplay(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    /** Starts Xvfb on a free display number (it picks one and says which). */
    static VirtualDisplay start(int width, int height) throws IOException {
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("[0-9]+")) {
            server.destroyForcibly();
            throw new IOException("Xvfb did not start (it said " + number + "); install the xvfb package");
        }
        return new VirtualDisplay(server, ":" + number.strip());
    }

    /** The DISPLAY value for programs to open their windows on. */
    String name() {
        return display;
    }

    /** The title of every window on the display, with its size, as {@code xwininfo -tree} lists them. */
    String windows() throws Exception {
        return run(List.of("xwininfo", "-root", "-tree", "-display", display));
    }

    /** What is on the screen now. */
    BufferedImage screenshot() throws Exception {
        Process xwd = new ProcessBuilder("xwd", "-root", "-silent", "-display", display)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] dump = xwd.getInputStream().readAllBytes();
        assertThat(xwd.waitFor()).as("xwd").isZero();
        return fromXwd(dump);
    }

    /**
     * An X window dump (ZPixmap, 24 or 32 bits a pixel: what xwd writes of a TrueColor screen) as an
     * image. The header is 25 big-endian 32-bit fields, then the window name, then the colour map.
     */
    static BufferedImage fromXwd(byte[] dump) {
        ByteBuffer header = ByteBuffer.wrap(dump).order(ByteOrder.BIG_ENDIAN);
        int headerSize = header.getInt(0);
        int width = header.getInt(16);
        int height = header.getInt(20);
        boolean mostSignificantFirst = header.getInt(28) == 1;
        int bitsPerPixel = header.getInt(44);
        int bytesPerLine = header.getInt(48);
        int colours = header.getInt(76);
        if (bitsPerPixel != 32) {
            throw new IllegalArgumentException("expected 32 bits a pixel from xwd, got " + bitsPerPixel);
        }
        ByteBuffer pixels = ByteBuffer.wrap(dump, headerSize + colours * 12, height * bytesPerLine)
                .slice().order(mostSignificantFirst ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixels.getInt(y * bytesPerLine + x * 4) & 0xffffff);
            }
        }
        return image;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    static Path screenshotFolder() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }
}
