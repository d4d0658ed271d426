package com.boxoffice.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Screenshots;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import redis.embedded.RedisServer;

/** The seat server going away shows a banner within seconds, the window keeps answering, and it clears on return. */
class ConnectionBannerTest {

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private RedisServer redis;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aLostSeatServerShowsABannerAndTheWindowKeepsWorking() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = server(port);
        redis.start();
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.holds.redis-url=redis://127.0.0.1:" + port);
        ClientFixture.signIn(robot, "clerk", "1111");
        TableView<PerformanceRow> table = robot.lookup("#performances").queryTableView();
        ClientFixture.waitFor(60, () -> table.getItems().size() == 3);
        Label banner = robot.lookup("#connection-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();

        redis.stop();
        ClientFixture.waitFor(10, banner::isVisible);
        assertThat(banner.getText()).startsWith("No connection to the seat server since")
                .contains("Check the network");
        // the window still answers: a hold attempt fails quickly with a sentence, not a frozen button
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        Screenshots.save(banner.getScene(), Path.of("target/screenshots/connection-lost.png"));

        redis = server(port);
        redis.start();
        ClientFixture.waitFor(20, () -> !banner.isVisible());
    }

    private static RedisServer server(int port) throws Exception {
        return RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").setting("appendonly no").build();
    }
}
