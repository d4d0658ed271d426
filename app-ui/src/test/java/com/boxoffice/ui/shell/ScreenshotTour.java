package com.boxoffice.ui.shell;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.DemoTraffic;
import com.boxoffice.ui.common.Screenshots;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/**
 * Screenshots of every mode for the README, into {@code docs/screenshots/}:
 * {@code ./mvnw -q -Pscreenshots -pl app-ui -am verify}. Each mode runs on a stadium an hour into
 * its on-sale (seats sold by several terminals, house seats blocked, a block allocated).
 */
@Tag("screenshots")
class ScreenshotTour {

    private static final Path OUT = Path.of("..", "docs", "screenshots");
    private static final String STADIUM = "demo-stadium-1";

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    private void busyStadium() throws Exception {
        TableView<PerformanceRow> table = robot.lookup("#performances").queryTableView();
        ClientFixture.waitFor(90, () -> table.getItems().size() == 3);
        DemoTraffic.fill(app.context().getBean(HoldStore.class),
                app.context().getBean(PerformanceSeatings.class).seating(STADIUM), 0.45, 7);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(2);
        });
        robot.type(KeyCode.ENTER);
        ClientFixture.waitFor(60, () -> robot.lookup("#seat-map").tryQuery().isPresent()
                && robot.lookup("#seat-map").<com.boxoffice.ui.seatmap.SeatMap>query().getData() != null);
        Thread.sleep(1500);
    }

    private Scene scene() {
        return robot.lookup(".root").<javafx.scene.Node>query().getScene();
    }

    @Test
    void boxOffice() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data);
        ClientFixture.waitFor(30, () -> robot.lookup("#staff-id").tryQuery().isPresent());
        robot.clickOn("#staff-id").write("clerk");
        Screenshots.save(scene(), OUT.resolve("sign-in.png"));
        robot.clickOn("#staff-pin").write("1111");
        robot.type(KeyCode.ENTER);
        ClientFixture.waitFor(30, () -> robot.lookup("#performances").tryQuery().isPresent());
        busyStadium();
        robot.interact(() -> robot.lookup("#best-count").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(4));
        robot.type(KeyCode.F2);
        ClientFixture.waitFor(20, () -> robot.lookup("#basket").queryListView().getItems().size() == 4);
        robot.clickOn("#tendered").write("400");
        Thread.sleep(1500);
        Screenshots.save(scene(), OUT.resolve("box-office-stadium.png"));
    }

    @Test
    void kiosk() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=kiosk",
                "--boxoffice.client.terminal-id=kiosk-1");
        ClientFixture.waitFor(90, () -> robot.lookup("#kiosk-show-demo-theatre-1").tryQuery().isPresent());
        Screenshots.save(scene(), OUT.resolve("kiosk-start.png"));
        robot.clickOn("#kiosk-show-demo-theatre-1");
        robot.clickOn("#kiosk-count-2");
        Screenshots.save(scene(), OUT.resolve("kiosk-choose.png"));
        robot.clickOn("#kiosk-find");
        ClientFixture.waitFor(20, () -> ClientFixture.shown(robot.lookup("#kiosk-pay").query()));
        Screenshots.save(scene(), OUT.resolve("kiosk-basket.png"));

        // the other way to choose: back from the basket, then seats tapped on the live map
        robot.clickOn("#kiosk-back");
        ClientFixture.waitFor(20, () -> ClientFixture.shown(robot.lookup("#kiosk-open-map").query()));
        robot.clickOn("#kiosk-open-map");
        com.boxoffice.ui.seatmap.SeatMap map = robot.lookup("#kiosk-map").query();
        ClientFixture.waitFor(30, () -> map.getData() != null);
        int seat = map.getData().indexOf("STALLS-E-10");
        // the best seats held a moment ago may still be on their way back
        ClientFixture.waitFor(20, () -> map.isSelectable(seat) && map.isSelectable(seat + 1));
        robot.interact(() -> map.select(seat, seat + 1));
        robot.clickOn("#kiosk-map-zoom-in");
        Thread.sleep(1000);
        Screenshots.save(scene(), OUT.resolve("kiosk-map.png"));
    }

    @Test
    void manager() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=manager",
                "--boxoffice.client.terminal-id=office-1");
        ClientFixture.signIn(robot, "manager", "9999");
        busyStadium();
        Thread.sleep(2500);
        Screenshots.save(scene(), OUT.resolve("manager.png"));
    }
}
