package com.boxoffice.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.Node;

/** The kiosk on the real core: a customer who walks away leaves no seats held. */
class KioskTest {

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=kiosk",
                "--boxoffice.client.kiosk-idle-timeout=4s", "--boxoffice.client.terminal-id=kiosk-1");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    @Test
    void aCustomerWhoWalksAwayGetsTheStartScreenBackAndTheSeatsGoBackOnSale() throws Exception {
        ClientFixture.waitFor(60, () -> robot.lookup("#kiosk-show-demo-theatre-1").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#kiosk-shows").query().getScene(), Path.of("target/screenshots/kiosk-start.png"));
        robot.clickOn("#kiosk-show-demo-theatre-1");
        robot.clickOn("#kiosk-count-3");
        Screenshots.save(robot.lookup("#kiosk-find").query().getScene(), Path.of("target/screenshots/kiosk-choose.png"));
        robot.clickOn("#kiosk-find");

        Node seats = robot.lookup("#kiosk-seats").query();
        ClientFixture.waitFor(20, () -> ClientFixture.shown(seats) && ((javafx.scene.layout.VBox) seats).getChildren().size() == 3);
        Screenshots.save(seats.getScene(), Path.of("target/screenshots/kiosk-basket.png"));
        SaleOrderRepository orders = app.context().getBean(SaleOrderRepository.class);
        List<SaleOrderEntity> held = orders.findAll();
        assertThat(held).singleElement().satisfies(o -> assertThat(o.getChannel()).isEqualTo(Channel.KIOSK));
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating("demo-theatre-1").layout();
        HoldStore holds = app.context().getBean(HoldStore.class);
        List<String> seatIds = held.getFirst().getSeats().stream().map(s -> s.seatId()).toList();
        assertThat(seatIds).allSatisfy(id ->
                assertThat(holds.availability("demo-theatre-1").stateOf(layout.indexOf(id))).isEqualTo(SeatState.HELD));

        // nobody touches the kiosk: after the idle timeout it is back at the start, the seats free again
        ClientFixture.waitFor(15, () -> ClientFixture.shown(robot.lookup("#kiosk-shows").query()) && !ClientFixture.shown(seats));
        ClientFixture.waitFor(10, () -> seatIds.stream().allMatch(id ->
                holds.availability("demo-theatre-1").stateOf(layout.indexOf(id)) == SeatState.AVAILABLE));
        ClientFixture.waitFor(10, () -> orders.findById(held.getFirst().getId()).orElseThrow().getStatus() == OrderStatus.CANCELLED);
    }
}
