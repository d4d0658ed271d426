package com.boxoffice.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sync.OfflineSnapshotRepository;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.SyncSale;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.RedisProxy;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.seatmap.SeatMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;

/**
 * A window terminal through a network outage, on a real Redis reached through a proxy whose
 * connections the test cuts while Redis keeps its data: it keeps selling the seats allocated to it,
 * says so, refuses the rest with a reason, and puts its offline sale on the live map once the
 * network is back.
 */
class OfflineSellingTest {

    private static final String TERMINAL = "window-1";
    private static final String THEATRE = "demo-theatre-1";

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private RedisProxy proxy;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        proxy = RedisProxy.toTestRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.holds.redis-url=" + proxy.url(),
                "--boxoffice.client.snapshot-every=1s");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aTerminalCutOffSellsItsAllocationAndPutsTheSaleOnTheLiveMapWhenTheNetworkIsBack() throws Exception {
        Outage outage = sellOneAllocatedSeatOffline();
        Label mapStatus = robot.lookup("#seat-map-status").queryAs(Label.class);

        proxy.restore();

        ClientFixture.waitFor(60, () -> !outage.banner().isVisible());
        Label notice = robot.lookup("#reconnected-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Back online: 1 sale made offline is now sold on the live map.");
        assertThat(liveState(outage.sold())).isEqualTo(SeatState.SOLD);
        assertThat(liveState(outage.unsold())).isEqualTo(SeatState.ALLOCATED);
        ClientFixture.waitFor(20, () -> mapStatus.getText().equals("Live") && outage.map().stateOf(outage.other()) == '.');
        assertThat(outage.map().stateOf(outage.sold())).isEqualTo('S');
        // no sync server is configured: the sale still waits in the journal for one
        assertThat(app.context().getBean(OutboxRepository.class).countByTerminalIdAndDeliveredAtIsNull(TERMINAL))
                .isEqualTo(1);
    }

    @Test
    void aSeatServerThatComesBackEmptyLeavesTheTerminalSellingOnItsOwn() throws Exception {
        Outage outage = sellOneAllocatedSeatOffline();

        // the seat server returns without its data: the offline sale cannot be claimed there
        ClientFixture.emptyRedis();
        proxy.restore();

        ClientFixture.waitFor(30, () -> outage.banner().getText().contains("has lost its seat maps"));
        assertThat(outage.banner().isVisible()).isTrue();
        assertThat(outage.banner().getText()).contains("This terminal keeps selling on its own until then.");
        // still selling offline, and answering at once
        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        robot.interact(() -> outage.map().select(outage.unsold()));
        robot.type(KeyCode.F3);
        ClientFixture.waitFor(20, () -> message.getText().equals("1 seat held."));
        Thread.sleep(5000);
        assertThat(outage.banner().isVisible()).isTrue();
    }

    /** What a test finds after one allocated seat was sold with the network cut. */
    private record Outage(SeatMap map, Label banner, int sold, int unsold, int other) {
    }

    /**
     * Allocates two seats to the terminal, waits until its snapshot has them, cuts the network, and
     * sells one of them through the window (cash), checking what the clerk sees on the way.
     */
    private Outage sellOneAllocatedSeatOffline() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating(THEATRE).layout();
        SeatMap map = ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        String allocatedA = layout.seatId(0);
        String allocatedB = layout.seatId(1);
        int a = layout.indexOf(allocatedA);
        int b = layout.indexOf(allocatedB);
        int other = layout.indexOf(layout.seatId(40));

        // a manager allocates two seats to this terminal in the live state
        app.context().getBean(RedisHoldStore.class).allocate(THEATRE, List.of(allocatedA, allocatedB), TERMINAL);
        OfflineSnapshotRepository snapshots = app.context().getBean(OfflineSnapshotRepository.class);
        ClientFixture.waitFor(30, () -> snapshots.findByTerminalId(TERMINAL).stream()
                .anyMatch(s -> s.toSnapshot().performanceId().equals(THEATRE)
                        && s.toSnapshot().allocated().containsAll(List.of(allocatedA, allocatedB))));
        ClientFixture.waitFor(10, () -> map.stateOf(a) == 'A');

        proxy.cut();

        Label banner = robot.lookup("#connection-banner").queryAs(Label.class);
        ClientFixture.waitFor(90, () -> banner.isVisible() && banner.getText().contains("selling from this terminal's journal"));
        assertThat(banner.getText()).startsWith("No connection to the seat server since")
                .contains("You can sell the 2 seats allocated to this terminal (shown \u25C6 on the map).")
                .contains("Refunds, blocking and allocating wait for the connection.")
                .doesNotContain("at risk");
        Label mapStatus = robot.lookup("#seat-map-status").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> mapStatus.getText().equals("Offline: showing this terminal's own sales")
                && map.stateOf(other) == 'B');
        assertThat(map.stateOf(a)).isEqualTo('A');
        assertThat(map.isSelectable(other)).isFalse();
        assertThat(map.isSelectable(a)).isTrue();

        // best available takes the allocation first; asking for more than it holds is refused with the reason
        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#best-count").queryAs(Spinner.class).getValueFactory().setValue(3));
        robot.type(KeyCode.F2);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("This terminal is offline"));
        assertThat(message.getText())
                .isEqualTo("This terminal is offline: it can sell only the seats allocated to it (\u25C6 on the map). "
                        + "Pick from those, or wait for the connection.");

        // an allocated seat is sold for cash and its tickets saved
        robot.interact(() -> map.select(a));
        robot.type(KeyCode.F3);
        ListView<String> basket = robot.lookup("#basket").queryListView();
        ClientFixture.waitFor(20, () -> basket.getItems().size() == 1);
        robot.clickOn("#tendered").write("100");
        robot.type(KeyCode.F9);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));
        Label file = robot.lookup("#ticket-file").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> file.getText().startsWith("Saved as "));
        assertThat(Path.of(file.getText().substring("Saved as ".length()))).exists();
        ClientFixture.waitFor(10, () -> map.stateOf(a) == 'S');
        Screenshots.save(map.getScene(), Path.of("target/screenshots/offline-selling.png"));

        var orders = app.context().getBean(SaleOrderRepository.class).findAll();
        assertThat(orders).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(OrderStatus.CONFIRMED));
        List<OutboxEntryEntity> queued = app.context().getBean(OutboxRepository.class).findAll();
        assertThat(queued).hasSize(1);
        SyncSale sale = TerminalOutboxJson.read(queued.getFirst().getPayload());
        assertThat(sale.mode()).isEqualTo("ALLOCATED");
        assertThat(sale.orderId()).isEqualTo(orders.getFirst().getId());
        assertThat(sale.seats()).extracting(SyncSale.Seat::seatId).containsExactly(allocatedA);
        Label sync = robot.lookup("#sync-status").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> sync.getText().equals("No sync server configured: 1 sale kept in this terminal's journal"));
        // the live state has not heard of it yet
        assertThat(liveState(a)).isEqualTo(SeatState.ALLOCATED);
        return new Outage(map, banner, a, b, other);
    }

    /** A seat's state read straight from Redis, not through the proxy or the client. */
    private SeatState liveState(int seat) {
        RedisClient client = RedisClient.create(ClientFixture.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisHoldStore direct = new RedisHoldStore(new RedisScripts(connection), Clock.systemUTC(),
                    app.context().getBean(PerformanceSeatings.class), HoldTokens.withRandomSecret(), Duration.ofHours(1), 500);
            return direct.availability(THEATRE).stateOf(seat);
        } finally {
            client.shutdown();
        }
    }
}
