package com.boxoffice.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boxoffice.core.hold.Hold;
import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.testsupport.TestRedis;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.common.Screenshots;

import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** The real client, headless, on a real Redis and a real H2 journal file. */
class BoxOfficeAppTest {

    @TempDir
    static Path data;

    private Application app;

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("boxoffice.data-dir");
        System.clearProperty("boxoffice.holds.redis-url");
    }

    @Test
    void theDemoListsItsPerformancesAndOpensALiveSeatMap() throws Exception {
        System.setProperty("boxoffice.data-dir", data.toString());
        System.setProperty("boxoffice.holds.redis-url", TestRedis.url());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BoxOfficeApp.class);
        FxRobot robot = new FxRobot();
        com.boxoffice.ui.common.ClientFixture.signIn(robot, "clerk", "1111");

        TableView<PerformanceRow> table = robot.lookup("#performances").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 3);

        assertThat(table.getItems()).extracting(PerformanceRow::venue)
                .containsExactly("Demo Theatre", "Demo Arena", "Demo Stadium");
        assertThat(table.getItems()).extracting(PerformanceRow::seats).containsExactly(1233L, 18028L, 70204L);
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.available()).isPositive().isLessThanOrEqualTo(row.seats()));
        assertThat(robot.lookup("#problem").queryLabeled().isVisible()).isFalse();
        assertThat(data.resolve("journal.mv.db")).exists();
        Screenshots.save(table.getScene(), Path.of("target/screenshots/performances.png"));

        // Open the theatre's map from the keyboard; a hold made elsewhere shows on it live.
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        SeatMap map = robot.lookup("#seat-map").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getData() != null
                && "Live".equals(robot.lookup("#seat-map-status").queryLabeled().getText()));
        int free = 0;
        while (map.stateOf(free) != '.') {
            free++;
        }
        int seat = free;
        HoldStore holds = ((BoxOfficeApp) app).context().getBean(HoldStore.class);
        String seatId = ((BoxOfficeApp) app).context().getBean(PerformanceSeatings.class)
                .seating("demo-theatre-1").layout().seatId(seat);
        Hold hold = holds.hold(new HoldRequest("demo-theatre-1", null, "test", null, Channel.BOX_OFFICE, "T-test",
                SeatSelection.seats(seatId)));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> map.stateOf(seat) == 'H');
            Screenshots.save(map.getScene(), Path.of("target/screenshots/seat-map-theatre.png"));
        } finally {
            holds.release(hold.holdId(), hold.token());
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> map.stateOf(seat) == '.');
    }
}
