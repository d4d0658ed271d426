package com.boxoffice.ui.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

/** Two windows go for the same seat at the same moment: one gets it, the other is told in words. */
class RaceForASeatTest {

    @TempDir
    Path firstData;
    @TempDir
    Path secondData;

    private BoxOfficeApp first;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        first = ClientFixture.start(BoxOfficeApp.class, firstData, "--boxoffice.client.terminal-id=window-1");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(first);
    }

    @Test
    void twoWindowsPickingTheSameSeatGetOneHoldAndOneClearRefusal() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        Parent one = ClientFixture.performancesRoot(robot);
        try (ClientFixture.Second window = ClientFixture.startSecond(secondData, "--boxoffice.client.terminal-id=window-2")) {
            Parent two = window.root();
            robot.clickOn(robot.from(two).lookup("#staff-id").<javafx.scene.Node>query()).write("clerk");
            robot.clickOn(robot.from(two).lookup("#staff-pin").<javafx.scene.Node>query()).write("1111");
            robot.type(KeyCode.ENTER);
            ClientFixture.waitFor(30, () -> robot.from(two).lookup("#performances").tryQuery().isPresent());
            SeatMap mapOne = ClientFixture.openPerformance(robot, one, 0);
            SeatMap mapTwo = ClientFixture.openPerformance(robot, two, 0);

            // both clerks pick the same three seats, the middle of the first row, and press F3 together
            int seat = mapOne.getData().indexOf("STALLS-A-12");
            assertThat(seat).isNotNegative();
            robot.interact(() -> {
                mapOne.select(seat - 1, seat, seat + 1);
                mapTwo.select(seat - 1, seat, seat + 1);
            });
            assertThat(mapOne.getSelection()).hasSize(3);
            assertThat(mapTwo.getSelection()).hasSize(3);
            Button holdOne = robot.from(one).lookup("#hold-selected").queryButton();
            Button holdTwo = robot.from(two).lookup("#hold-selected").queryButton();
            robot.interact(() -> {
                holdOne.fire();
                holdTwo.fire();
            });

            ListView<String> basketOne = robot.from(one).lookup("#basket").queryListView();
            ListView<String> basketTwo = robot.from(two).lookup("#basket").queryListView();
            Label messageOne = robot.from(one).lookup("#sale-message").queryAs(Label.class);
            Label messageTwo = robot.from(two).lookup("#sale-message").queryAs(Label.class);
            ClientFixture.waitFor(20, () -> !robot.from(one).lookup("#hold-selected").queryButton().isDisabled()
                    || basketOne.getItems().size() == 3);
            ClientFixture.waitFor(20, () -> (basketOne.getItems().size() == 3) != (basketTwo.getItems().size() == 3)
                    && !messageOne.getText().isEmpty() && !messageTwo.getText().isEmpty());

            boolean firstWon = basketOne.getItems().size() == 3;
            Label loser = firstWon ? messageTwo : messageOne;
            ListView<String> losingBasket = firstWon ? basketTwo : basketOne;
            assertThat(loser.getText()).isEqualTo(
                    "Someone else has just taken one of those seats. The map shows it now: pick other seats.");
            assertThat(losingBasket.getItems()).isEmpty();

            // the store holds each seat once, and only the winner's journal has an order
            HoldStore holds = first.context().getBean(HoldStore.class);
            for (int i = seat - 1; i <= seat + 1; i++) {
                assertThat(holds.availability("demo-theatre-1").stateOf(i)).isEqualTo(SeatState.HELD);
            }
            List<Integer> orders = new ArrayList<>();
            orders.add(first.context().getBean(SaleOrderRepository.class).findAll().size());
            orders.add(window.app().context().getBean(SaleOrderRepository.class).findAll().size());
            assertThat(orders).containsExactly(firstWon ? 1 : 0, firstWon ? 0 : 1);
            // the winner's map shows the seats as theirs, the loser's as held by someone else
            SeatMap winnerMap = firstWon ? mapOne : mapTwo;
            SeatMap loserMap = firstWon ? mapTwo : mapOne;
            assertThat(winnerMap.isMine(seat)).isTrue();
            ClientFixture.waitFor(10, () -> loserMap.stateOf(seat) == 'H' && !loserMap.isMine(seat));
        }
    }
}
