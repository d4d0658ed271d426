package com.boxoffice.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** A manager watching a performance sees what a box office elsewhere sells, as it happens. */
class ManagerLiveTest {

    @TempDir
    Path managerData;
    @TempDir
    Path windowData;

    private BoxOfficeApp manager;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        manager = ClientFixture.start(BoxOfficeApp.class, managerData, "--boxoffice.client.mode=manager",
                "--boxoffice.client.terminal-id=office-1");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(manager);
    }

    @Test
    void aSaleAtAnotherWindowShowsOnTheManagersMapAndCountsLive() throws Exception {
        ClientFixture.signIn(robot, "manager", "9999");
        Parent managerRoot = ClientFixture.performancesRoot(robot);
        SeatMap managerMap = ClientFixture.openPerformance(robot, managerRoot, 0);
        Label sold = robot.from(managerRoot).lookup("#count-sold").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> "0".equals(sold.getText()));

        try (ClientFixture.Second window = ClientFixture.startSecond(windowData, "--boxoffice.client.terminal-id=window-2")) {
            Parent windowRoot = window.root();
            robot.clickOn(robot.from(windowRoot).lookup("#staff-id").<javafx.scene.Node>query()).write("clerk");
            robot.clickOn(robot.from(windowRoot).lookup("#staff-pin").<javafx.scene.Node>query()).write("1111");
            robot.type(KeyCode.ENTER);
            ClientFixture.waitFor(30, () -> robot.from(windowRoot).lookup("#performances").tryQuery().isPresent());
            ClientFixture.openPerformance(robot, windowRoot, 0);
            robot.clickOn(robot.from(windowRoot).lookup("#hold-best").<javafx.scene.Node>query());
            ClientFixture.waitFor(20, () -> robot.from(windowRoot).lookup("#pay-card").query().isDisabled() == false);
            javafx.scene.control.Button payCard = robot.from(windowRoot).lookup("#pay-card").queryButton();
            robot.interact(payCard::fire);
            Label message = robot.from(windowRoot).lookup("#sale-message").queryAs(Label.class);
            ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));

            var orders = window.app().context().getBean(SaleOrderRepository.class).findAll();
            assertThat(orders).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(OrderStatus.CONFIRMED));
            SeatLayout layout = manager.context().getBean(PerformanceSeatings.class).seating("demo-theatre-1").layout();
            List<Integer> seats = orders.getFirst().getSeats().stream().map(s -> layout.indexOf(s.seatId())).toList();
            assertThat(seats).hasSize(2);
            // the manager's map and counts follow without anyone touching the manager's window
            ClientFixture.waitFor(10, () -> seats.stream().allMatch(i -> managerMap.stateOf(i) == 'S'));
            ClientFixture.waitFor(10, () -> "2".equals(sold.getText()));
            // and the tally says who sold them
            javafx.scene.control.TableView<com.boxoffice.core.hold.SalesTally> tally =
                    robot.from(managerRoot).lookup("#sales-tally").queryTableView();
            ClientFixture.waitFor(10, () -> tally.getItems().size() == 1);
            assertThat(tally.getItems().getFirst()).isEqualTo(
                    new com.boxoffice.core.hold.SalesTally("BOX_OFFICE", "window-2", 2));

            // block two free seats with a reason, see them blocked everywhere, then unblock them
            int a = managerMap.getData().indexOf("STALLS-F-1");
            int b = a + 1;
            robot.interact(() -> managerMap.select(a, b));
            // the other window has the keyboard: fill the manager's field directly
            javafx.scene.control.TextField reason = robot.from(managerRoot).lookup("#block-reason").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> reason.setText("Camera position"));
            robot.interact(() -> robot.from(managerRoot).lookup("#block").queryButton().fire());
            com.boxoffice.core.hold.HoldStore holds = manager.context().getBean(com.boxoffice.core.hold.HoldStore.class);
            ClientFixture.waitFor(10, () -> holds.availability("demo-theatre-1").stateOf(a) == com.boxoffice.core.hold.SeatState.BLOCKED
                    && holds.availability("demo-theatre-1").stateOf(b) == com.boxoffice.core.hold.SeatState.BLOCKED);
            Label blocked = robot.from(managerRoot).lookup("#count-blocked").queryAs(Label.class);
            ClientFixture.waitFor(10, () -> "2".equals(blocked.getText()) && managerMap.getSelection().isEmpty());
            assertThat(robot.from(managerRoot).lookup("#manager-message").queryLabeled().getText()).isEqualTo("2 seats blocked.");
            Thread.sleep(1200); // one chart refresh
            Screenshots.save(managerMap.getScene(), Path.of("target/screenshots/manager.png"));
            robot.interact(() -> {
                managerMap.select(a, b);
                robot.from(managerRoot).lookup("#unblock").queryButton().fire();
            });
            ClientFixture.waitFor(10, () -> "0".equals(blocked.getText()));
            assertThat(holds.availability("demo-theatre-1").stateOf(a)).isEqualTo(com.boxoffice.core.hold.SeatState.AVAILABLE);
        }
    }
}
