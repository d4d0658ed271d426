package com.boxoffice.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.ui.common.ClientFixture;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

/** The header says where the terminal's sales are when its sync server cannot be reached. */
class SyncStatusTest {

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.sync-url=http://127.0.0.1:" + nobody,
                "--boxoffice.client.sync-credential=window-1.not-a-real-secret");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    @Test
    void aSaleTheSyncServerCannotTakeWaitsInTheJournalAndTheHeaderSaysSo() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        Label sync = robot.lookup("#sync-status").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> sync.getText().equals("All sales delivered"));

        ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        robot.type(KeyCode.F2);
        ListView<String> basket = robot.lookup("#basket").queryListView();
        ClientFixture.waitFor(20, () -> !basket.getItems().isEmpty());
        robot.clickOn("#tendered").write("500");
        robot.type(KeyCode.F9);
        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));

        ClientFixture.waitFor(40, () -> sync.getText()
                .equals("Sync server unreachable: 1 sale waiting, safe in this terminal's journal"));
        assertThat(app.context().getBean(OutboxRepository.class).countByTerminalIdAndDeliveredAtIsNull("window-1"))
                .isEqualTo(1);
    }
}
