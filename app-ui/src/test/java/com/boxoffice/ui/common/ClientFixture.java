package com.boxoffice.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boxoffice.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Starts the real client headless for a test: on a Redis database of its own (emptied first, so
 * the demo performances start with every seat free) and a fresh journal folder.
 */
public final class ClientFixture {

    /**
     * A database the other modules' tests do not use; {@code -Dboxoffice.test.redis-database=N}
     * picks another, so two checkouts can run the client tests at once on one Redis.
     */
    private static final int DATABASE = Integer.getInteger("boxoffice.test.redis-database", 11);

    private ClientFixture() {
    }

    /** The Redis database number of the client tests. */
    public static int database() {
        return DATABASE;
    }

    public static String redisUrl() {
        return TestRedis.url() + "/" + DATABASE;
    }

    /** Empties the client tests' Redis database. */
    public static void emptyRedis() {
        RedisClient client = RedisClient.create(redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    /** Starts the client as the primary stage's application, with extra Spring arguments. */
    public static <T extends Application> T start(Class<T> type, Path dataDir, String... args) throws TimeoutException {
        System.setProperty("boxoffice.data-dir", dataDir.toString());
        System.setProperty("boxoffice.holds.redis-url", redisUrl());
        System.setProperty("boxoffice.client.card-latency", "50ms");
        FxToolkit.registerPrimaryStage();
        return type.cast(FxToolkit.setupApplication(type, args));
    }

    /**
     * A second client in the same test, in a window of its own, with its own journal folder (the
     * first client's system properties are overridden by arguments).
     */
    public static Second startSecond(Path dataDir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--boxoffice.data-dir=" + dataDir);
        all.add("--boxoffice.holds.redis-url=" + redisUrl());
        BoxOfficeApp app = BoxOfficeApp.withArguments(all.toArray(String[]::new));
        app.init();
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage window = new Stage();
            app.start(window);
            window.setX(40);
            window.setY(40);
            return window;
        }).get(60, TimeUnit.SECONDS);
        return new Second(app, stage);
    }

    /** A second client and its window. */
    public record Second(BoxOfficeApp app, Stage stage) implements AutoCloseable {
        public javafx.scene.Parent root() {
            return stage.getScene().getRoot();
        }

        @Override
        public void close() throws Exception {
            WaitForAsyncUtils.asyncFx(() -> {
                stage.close();
                app.stop();
                // keyboard input goes to the focused window: give focus back to the test's main window
                Stage primary = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
                primary.toFront();
                primary.requestFocus();
            }).get(60, TimeUnit.SECONDS);
        }
    }

    public static void stop(Application app) throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("boxoffice.data-dir");
        System.clearProperty("boxoffice.holds.redis-url");
        System.clearProperty("boxoffice.client.card-latency");
    }

    /** Signs in on the sign-in screen as a demo account. */
    public static void signIn(org.testfx.api.FxRobot robot, String staffId, String pin) throws TimeoutException {
        waitFor(30, () -> robot.lookup("#staff-id").tryQuery().isPresent());
        robot.clickOn("#staff-id").write(staffId);
        robot.clickOn("#staff-pin").write(pin);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        try {
            waitFor(30, () -> robot.lookup("#performances").tryQuery().isPresent());
        } catch (TimeoutException e) {
            String said = robot.lookup("#sign-in-message").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("(no message)");
            String typed = robot.lookup("#staff-id").tryQuery()
                    .map(n -> ((javafx.scene.control.TextField) n).getText()).orElse("(no field)");
            boolean disabled = robot.lookup("#sign-in").tryQuery().map(javafx.scene.Node::isDisabled).orElse(false);
            throw new AssertionError("Sign-in button disabled=" + disabled + "; sign-in as " + staffId + " did not finish; the id field holds \"" + typed
                    + "\" and the card says: " + said, e);
        }
    }

    /**
     * The root of the window showing the performance list, once that list is in a scene (sign-in
     * swaps the scene's content, and on a busy machine the list is found a moment before it is shown).
     */
    public static javafx.scene.Parent performancesRoot(org.testfx.api.FxRobot robot) throws TimeoutException {
        waitFor(30, () -> robot.lookup("#performances").tryQuery().map(n -> n.getScene() != null).orElse(false));
        return robot.lookup("#performances").query().getScene().getRoot();
    }

    /**
     * Opens a performance of the list in the window under {@code root} (Enter on its row, sent to
     * that window's table whichever window has the keyboard) and waits for its live seat map.
     */
    public static com.boxoffice.ui.seatmap.SeatMap openPerformance(org.testfx.api.FxRobot robot, javafx.scene.Parent root,
                                                                   int row) throws TimeoutException {
        javafx.scene.control.TableView<?> table = robot.from(root).lookup("#performances").queryTableView();
        waitFor(60, () -> table.getItems().size() == 3);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(row);
            table.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        waitFor(10, () -> robot.from(root).lookup("#seat-map").tryQuery().isPresent());
        com.boxoffice.ui.seatmap.SeatMap map = robot.from(root).lookup("#seat-map").query();
        waitFor(30, () -> map.getData() != null);
        return map;
    }

    /** Whether the node and every node around it are visible: it is on screen. */
    public static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    public static void waitFor(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
