package com.boxoffice.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

/** Only staff with the right PIN get past the sign-in card, and manager mode only managers. */
class SignInTest {

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    private void type(String id, String pin) {
        robot.clickOn("#staff-id").eraseText(20).write(id);
        robot.clickOn("#staff-pin").write(pin);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void aWrongPinIsRefusedAndTheRightOneLetsTheClerkIn() throws Exception {
        app = ClientFixture.start(BoxOfficeApp.class, data);
        ClientFixture.waitFor(30, () -> robot.lookup("#staff-id").tryQuery().isPresent());
        long audited = app.context().getBean(AuditEventRepository.class).count();
        type("clerk", "1234");
        Label message = robot.lookup("#sign-in-message").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> message.getText().equals("That id and PIN do not match. Try again."));
        assertThat(robot.lookup("#performances").tryQuery()).isEmpty();
        com.boxoffice.ui.common.Screenshots.save(message.getScene(), Path.of("target/screenshots/sign-in.png"));

        type("clerk", "1111");
        ClientFixture.waitFor(10, () -> robot.lookup("#performances").tryQuery().isPresent());
        assertThat(robot.lookup("#signed-in").queryLabeled().getText()).isEqualTo("Demo Clerk (clerk)");
        // both attempts are in the audit log
        assertThat(app.context().getBean(AuditEventRepository.class).count()).isEqualTo(audited + 2);

        robot.clickOn("#sign-out");
        ClientFixture.waitFor(10, () -> robot.lookup("#staff-id").tryQuery().isPresent()
                && robot.lookup("#performances").tryQuery().isEmpty());
    }

    @Test
    void managerModeTurnsAClerkAway() throws Exception {
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=manager");
        ClientFixture.waitFor(30, () -> robot.lookup("#staff-id").tryQuery().isPresent());
        type("clerk", "1111");
        Label message = robot.lookup("#sign-in-message").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> message.getText().startsWith("Manager mode is for managers"));
        assertThat(robot.lookup("#performances").tryQuery()).isEmpty();
        type("manager", "9999");
        ClientFixture.waitFor(10, () -> robot.lookup("#performances").tryQuery().isPresent());
    }
}
