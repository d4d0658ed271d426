package com.boxoffice.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.SeatNames;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import io.lettuce.core.api.StatefulRedisConnection;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Choosing seats on the kiosk's live map: tapped seats are held for this kiosk, or the buyer is told why not. */
class KioskMapTest {

    private static final String THEATRE = "demo-theatre-1";

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void emptyRedis() {
        ClientFixture.emptyRedis();
    }

    /** Starts the kiosk; nobody touching it for {@code idleTimeout} sends it back to the start. */
    private void startKiosk(String idleTimeout) throws Exception {
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=kiosk",
                "--boxoffice.client.kiosk-idle-timeout=" + idleTimeout, "--boxoffice.client.terminal-id=kiosk-1");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    /** Opens the theatre's map from the choose screen and waits until it is live. */
    private SeatMap openMap() throws Exception {
        ClientFixture.waitFor(60, () -> robot.lookup("#kiosk-show-" + THEATRE).tryQuery().isPresent());
        robot.clickOn("#kiosk-show-" + THEATRE);
        robot.clickOn("#kiosk-open-map");
        SeatMap map = robot.lookup("#kiosk-map").query();
        ClientFixture.waitFor(30, () -> ClientFixture.shown(map) && map.getData() != null);
        return map;
    }

    private Label note() {
        return robot.lookup("#kiosk-map-note").queryAs(Label.class);
    }

    @Test
    void seatsTappedOnTheMapAreHeldForThisKioskAndGoBackOnSaleWhenTheBuyerWalksAway() throws Exception {
        startKiosk("15s");
        SeatMap map = openMap();
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating(THEATRE).layout();
        int first = layout.indexOf("STALLS-A-12");
        assertThat(first).isNotNegative();

        // no more than one purchase may have: the ninth seat is not taken into the choice, and the screen says why
        robot.interact(() -> map.select(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6,
                first + 7, first + 8));
        assertThat(map.getSelection()).hasSize(KioskViewModel.MOST_TICKETS);
        assertThat(note().getText()).isEqualTo("8 seats chosen: that is the most for one purchase. Tap a chosen seat to let it go.");
        robot.interact(map::clearSelection);
        assertThat(note().getText()).isEqualTo("Tap the map to go closer, then tap the seats you want: up to 8.");

        robot.interact(() -> map.select(first, first + 1));
        assertThat(note().getText()).isEqualTo("2 seats chosen, up to 8.");
        Screenshots.save(map.getScene(), Path.of("target/screenshots/kiosk-map.png"));
        robot.clickOn("#kiosk-map-hold");

        VBox seats = robot.lookup("#kiosk-seats").queryAs(VBox.class);
        ClientFixture.waitFor(20, () -> ClientFixture.shown(seats) && seats.getChildren().size() == 2);
        List<String> chosen = List.of(layout.seatId(first), layout.seatId(first + 1));
        SeatNames names = app.context().getBean(DemoCatalog.class).seatNames(
                app.context().getBean(PerformanceSeatings.class).seating(THEATRE).performance().venueId());
        assertThat(seats.getChildren()).extracting(n -> ((Label) n).getText().split(" {4}")[0])
                .containsExactly(names.of(chosen.get(0)), names.of(chosen.get(1)));

        // the store holds exactly those seats, under this kiosk's hold
        SaleOrderRepository orders = app.context().getBean(SaleOrderRepository.class);
        SaleOrderEntity order = orders.findAll().getFirst();
        assertThat(order.getChannel()).isEqualTo(Channel.KIOSK);
        assertThat(order.getTerminalId()).isEqualTo("kiosk-1");
        assertThat(order.getSeats()).extracting(s -> s.seatId()).containsExactlyInAnyOrderElementsOf(chosen);
        HoldStore holds = app.context().getBean(HoldStore.class);
        @SuppressWarnings("unchecked")
        StatefulRedisConnection<String, String> redis = app.context().getBean(StatefulRedisConnection.class);
        String[] keys = RedisKeys.of(THEATRE);
        for (int seat : new int[] {first, first + 1}) {
            assertThat(holds.availability(THEATRE).stateOf(seat)).isEqualTo(SeatState.HELD);
            assertThat(redis.sync().hget(keys[2], String.valueOf(seat))).isEqualTo(order.getHoldId());
        }
        assertThat(redis.sync().hget(keys[8], order.getHoldId()))
                .contains("\"terminal\":\"kiosk-1\"", "\"channel\":\"KIOSK\"", "\"status\":\"HELD\"");
        assertThat(holds.availability(THEATRE).stateOf(first + 2)).isEqualTo(SeatState.AVAILABLE);

        // nobody touches the kiosk: back at the start, the seats free again and the order cancelled
        ClientFixture.waitFor(40, () -> ClientFixture.shown(robot.lookup("#kiosk-shows").query()) && !ClientFixture.shown(seats));
        ClientFixture.waitFor(10, () -> chosen.stream().allMatch(id ->
                holds.availability(THEATRE).stateOf(layout.indexOf(id)) == SeatState.AVAILABLE));
        ClientFixture.waitFor(10, () -> orders.findById(order.getId()).orElseThrow().getStatus() == OrderStatus.CANCELLED);
    }

    @Test
    void aSeatSomeoneElseTookMeanwhileIsSaidPlainlyAndNothingIsHeld() throws Exception {
        startKiosk("120s");
        SeatMap map = openMap();
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating(THEATRE).layout();
        HoldStore holds = app.context().getBean(HoldStore.class);
        int first = layout.indexOf("STALLS-B-7");
        int taken = first + 1;
        robot.interact(() -> map.select(first, taken));
        assertThat(map.getSelection()).containsExactlyInAnyOrder(first, taken);

        // a window takes the second seat just before the buyer taps "Hold these seats"
        Button hold = robot.lookup("#kiosk-map-hold").queryButton();
        robot.interact(() -> {
            holds.hold(new HoldRequest(THEATRE, "window-2:race", "clerk at window 2", null, Channel.BOX_OFFICE,
                    "window-2", new SeatSelection.Seats(List.of(layout.seatId(taken)))));
            hold.fire();
        });

        Label message = robot.lookup("#kiosk-map-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> ClientFixture.shown(message) && !message.getText().isEmpty());
        assertThat(message.getText()).isEqualTo(
                "Someone else has just taken one of those seats. The map shows it now: pick other seats.");
        // the map shows the seat taken by someone else, and it has left the choice; the buyer is still on the map
        ClientFixture.waitFor(10, () -> map.stateOf(taken) == 'H' && !map.isMine(taken));
        assertThat(map.getSelection()).containsExactly(first);
        assertThat(ClientFixture.shown(map)).isTrue();
        Node basket = robot.lookup("#kiosk-seats").query();
        assertThat(ClientFixture.shown(basket)).isFalse();

        // nothing was held for the kiosk: its seat is free and it has no order
        assertThat(holds.availability(THEATRE).stateOf(first)).isEqualTo(SeatState.AVAILABLE);
        assertThat(app.context().getBean(SaleOrderRepository.class).findAll()).isEmpty();

        // "Back" returns to best available
        robot.clickOn("#kiosk-map-back");
        ClientFixture.waitFor(5, () -> ClientFixture.shown(robot.lookup("#kiosk-find").query()) && !ClientFixture.shown(map));
    }
}
