import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the launchers' icons: PNG for Linux, ICO for Windows, ICNS for macOS. Run it from this folder
 * after changing a drawing: {@code java -Djava.awt.headless=true IconMaker.java}.
 */
public class IconMaker {

    interface Drawing {
        void draw(Graphics2D g);
    }

    public static void main(String[] args) throws IOException {
        write("box-office", new Color(0x1f4e8c), IconMaker::ticket);
        write("kiosk", new Color(0x0f7b6c), IconMaker::touchScreen);
        write("manager", new Color(0xa4541b), IconMaker::seatMap);
    }

    /** A ticket with its tear-off stub. */
    static void ticket(Graphics2D g) {
        Area ticket = new Area(new RoundRectangle2D.Double(40, 78, 176, 100, 18, 18));
        ticket.subtract(new Area(new Ellipse2D.Double(144, 64, 28, 28)));
        ticket.subtract(new Area(new Ellipse2D.Double(144, 164, 28, 28)));
        g.setColor(Color.WHITE);
        g.fill(ticket);
        g.setColor(new Color(0x1f4e8c));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {2, 11}, 0));
        g.drawLine(158, 100, 158, 158);
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(66, 110, 126, 110);
        g.drawLine(66, 146, 110, 146);
    }

    /** A kiosk screen and a finger's tap on it. */
    static void touchScreen(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(52, 40, 152, 124, 16, 16));
        g.fillRect(118, 164, 20, 30);
        g.fill(new RoundRectangle2D.Double(82, 190, 92, 18, 9, 9));
        g.setColor(new Color(0x0f7b6c));
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                g.fill(new RoundRectangle2D.Double(70 + col * 32, 58 + row * 32, 22, 20, 6, 6));
            }
        }
        g.setColor(new Color(0xffc857));
        g.fill(new Ellipse2D.Double(134 - 6, 122 - 6, 34, 34));
        g.setColor(new Color(0x0f7b6c));
        g.setStroke(new BasicStroke(4));
        g.draw(new Ellipse2D.Double(134 - 14, 122 - 14, 50, 50));
    }

    /** A seat map filling up, as a manager watches it. */
    static void seatMap(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(58, 44, 140, 22, 11, 11));
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 6; col++) {
                boolean sold = (row * 6 + col) % 7 < 4 || row < 2;
                g.setColor(sold ? Color.WHITE : new Color(255, 255, 255, 90));
                g.fill(new RoundRectangle2D.Double(52 + col * 26, 84 + row * 26, 20, 18, 6, 6));
            }
        }
    }

    static void write(String name, Color background, Drawing drawing) throws IOException {
        BufferedImage big = draw(256, background, drawing);
        List<Integer> sizes = List.of(256, 128, 48, 32, 16);
        ImageIO.write(big, "png", Path.of(name + ".png").toFile());
        Files.write(Path.of(name + ".ico"), ico(sizes.stream().map(size -> png(scaled(big, size))).toList(), sizes));
        Files.write(Path.of(name + ".icns"), icns(png(big), png(scaled(big, 128))));
    }

    static BufferedImage draw(int size, Color background, Drawing drawing) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(background);
        g.fill(new RoundRectangle2D.Double(12, 12, 232, 232, 52, 52));
        drawing.draw(g);
        g.dispose();
        return image;
    }

    static BufferedImage scaled(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Windows icon holding PNG images (Vista and later read them). */
    static byte[] ico(List<byte[]> images, List<Integer> sizes) {
        int headers = 6 + 16 * images.size();
        ByteBuffer out = ByteBuffer.allocate(headers + images.stream().mapToInt(b -> b.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headers;
        for (int i = 0; i < images.size(); i++) {
            int size = sizes.get(i);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** A macOS icon: 256 and 128 pixel PNG images. */
    static byte[] icns(byte[] png256, byte[] png128) {
        int length = 8 + 8 + png256.length + 8 + png128.length;
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        out.put("icns".getBytes()).putInt(length);
        out.put("ic08".getBytes()).putInt(8 + png256.length).put(png256);
        out.put("ic07".getBytes()).putInt(8 + png128.length).put(png128);
        return out.array();
    }
}
