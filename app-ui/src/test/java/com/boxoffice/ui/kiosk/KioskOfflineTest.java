package com.boxoffice.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.core.sale.SaleOrderEntity;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sync.OfflineSnapshotRepository;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.TerminalHoldStore;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.sync.TerminalOutboxJson;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.RedisProxy;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.layout.VBox;

/**
 * A kiosk through a network outage, on a real Redis reached through a proxy the test cuts: it sells
 * by best available only, and offline that takes the best of the seats allocated to it, paid by card
 * as online, the sale waiting in its outbox as sold from the allocation.
 */
class KioskOfflineTest {

    private static final String TERMINAL = "kiosk-1";
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
        app = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=kiosk",
                "--boxoffice.client.terminal-id=" + TERMINAL, "--boxoffice.holds.redis-url=" + proxy.url(),
                "--boxoffice.client.snapshot-every=1s", "--boxoffice.client.kiosk-idle-timeout=120s");
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aKioskCutOffSellsTheBestOfItsAllocationByCard() throws Exception {
        ClientFixture.waitFor(60, () -> robot.lookup("#kiosk-show-" + THEATRE).tryQuery().isPresent());
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating(THEATRE).layout();
        List<String> allocated = List.of(layout.seatId(0), layout.seatId(1), layout.seatId(2), layout.seatId(3));
        app.context().getBean(RedisHoldStore.class).allocate(THEATRE, allocated, TERMINAL);
        OfflineSnapshotRepository snapshots = app.context().getBean(OfflineSnapshotRepository.class);
        ClientFixture.waitFor(30, () -> snapshots.findByTerminalId(TERMINAL).stream()
                .anyMatch(s -> s.toSnapshot().performanceId().equals(THEATRE)
                        && s.toSnapshot().allocated().containsAll(allocated)));

        proxy.cut();
        TerminalHoldStore store = app.context().getBean(TerminalHoldStore.class);
        ClientFixture.waitFor(90, store::isOffline);

        robot.clickOn("#kiosk-show-" + THEATRE);
        robot.clickOn("#kiosk-count-2");
        robot.clickOn("#kiosk-find");
        VBox seats = robot.lookup("#kiosk-seats").queryAs(VBox.class);
        ClientFixture.waitFor(20, () -> ClientFixture.shown(seats) && seats.getChildren().size() == 2);
        SaleOrderRepository orders = app.context().getBean(SaleOrderRepository.class);
        SaleOrderEntity held = orders.findAll().getFirst();
        assertThat(held.getSeats()).extracting(s -> s.seatId()).hasSize(2).allMatch(allocated::contains);
        Screenshots.save(seats.getScene(), Path.of("target/screenshots/kiosk-offline.png"));

        robot.clickOn("#kiosk-pay");
        VBox tickets = robot.lookup("#kiosk-tickets").queryAs(VBox.class);
        ClientFixture.waitFor(30, () -> ClientFixture.shown(tickets) && tickets.getChildren().size() == 2);
        assertThat(orders.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        List<OutboxEntryEntity> queued = app.context().getBean(OutboxRepository.class).findAll();
        assertThat(queued).singleElement().satisfies(entry -> {
            assertThat(entry.getKind()).isEqualTo(TerminalOutbox.OFFLINE_SALE);
            assertThat(TerminalOutboxJson.read(entry.getPayload()).mode()).isEqualTo("ALLOCATED");
            assertThat(TerminalOutboxJson.read(entry.getPayload()).channel()).isEqualTo("KIOSK");
        });
    }
}
