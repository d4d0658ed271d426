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

import com.boxoffice.testsupport.TestRedis;
import com.boxoffice.ui.common.Screenshots;

import javafx.application.Application;
import javafx.scene.control.TableView;

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
    void theDemoOpensOnItsThreePerformancesWithTheirFreeSeats() throws Exception {
        System.setProperty("boxoffice.data-dir", data.toString());
        System.setProperty("boxoffice.holds.redis-url", TestRedis.url());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BoxOfficeApp.class);
        FxRobot robot = new FxRobot();

        TableView<PerformanceRow> table = robot.lookup("#performances").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 3);

        assertThat(table.getItems()).extracting(PerformanceRow::venue)
                .containsExactly("Demo Theatre", "Demo Arena", "Demo Stadium");
        assertThat(table.getItems()).extracting(PerformanceRow::seats).containsExactly(1233L, 18028L, 70204L);
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.available()).isPositive().isLessThanOrEqualTo(row.seats()));
        assertThat(robot.lookup("#problem").queryLabeled().isVisible()).isFalse();
        assertThat(data.resolve("journal.mv.db")).exists();
        Screenshots.save(table.getScene(), Path.of("target/screenshots/performances.png"));
    }
}
