package com.boxoffice.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sync.SyncAnswer;
import com.boxoffice.core.sync.SyncBatch;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncOutcome;
import com.boxoffice.core.sync.SyncSale;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.common.SyncServerProcess;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import tools.jackson.databind.json.JsonMapper;

/**
 * A manager resolves a sync conflict from the client, against the real sync server running as a
 * process of its own: two box offices sold the same seat offline, the server re-seated the later
 * buyer, and the manager keeps the new seats. Seats the manager then allocates on the map go through
 * the server too, which lists them in the terminal's snapshot.
 */
class ConflictsTest {

    private static final String PERFORMANCE = "demo-theatre-1";

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private BoxOfficeApp manager;
    private SyncServerProcess server;

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(manager);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aManagerSeesTheConflictTwoBoxOfficesMadeAndKeepsTheBuyersNewSeats() throws Exception {
        ClientFixture.emptyRedis();
        // the venue's terminals and its sync server share the live seat state
        server = SyncServerProcess.start(ClientFixture.redisUrl(), Path.of("target", "sync-server-logs"));
        String managerCredential = server.register(SyncServerProcess.bootstrapCredential(), null, "office-1", "MANAGER");
        String window2 = server.register(managerCredential, "manager", "window-2", "BOX_OFFICE");
        String window3 = server.register(managerCredential, "manager", "window-3", "BOX_OFFICE");
        manager = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=manager",
                "--boxoffice.client.terminal-id=office-1", "--boxoffice.client.sync-url=" + server.url(),
                "--boxoffice.client.sync-credential=" + managerCredential);
        // the performance as the client sells it, on the server too
        PerformanceSeatings seatings = manager.context().getBean(PerformanceSeatings.class);
        ClientFixture.waitFor(60, () -> {
            try {
                return seatings.seating(PERFORMANCE) != null;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        server.copyPerformance(manager.context().getBean(DataSource.class), PERFORMANCE);
        Performance performance = seatings.seating(PERFORMANCE).performance();
        SeatLayout layout = seatings.seating(PERFORMANCE).layout();
        String seat = "STALLS-D-10";
        String category = layout.categoryOf(layout.indexOf(seat));

        // two box offices sold the seat while offline; window-2's sale reached the server first
        SyncSale first = sale(performance, seat, category);
        SyncSale late = sale(performance, seat, category);
        send(window2, "window-2", first);
        SyncOutcome reseated = send(window3, "window-3", late);
        assertThat(reseated.outcome()).isEqualTo("RESEATED");
        String newSeat = reseated.seats().getFirst();

        ClientFixture.signIn(robot, "manager", "9999");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        TabPane tabs = robot.lookup("#tabs").query();
        ClientFixture.waitFor(10, () -> "conflicts-tab".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        TableView<ConflictRow> table = robot.lookup("#conflicts").queryTableView();
        ClientFixture.waitFor(30, () -> table.getItems().size() == 1);

        ConflictRow row = table.getItems().getFirst();
        assertThat(row.id()).isEqualTo(reseated.conflictId());
        assertThat(row.performance()).isEqualTo("Hamlet, Demo Theatre");
        assertThat(row.conflict().terminalId()).isEqualTo("window-3");
        assertThat(row.order()).isEqualTo(OrderLookup.shortReference(late.orderId()));
        assertThat(row.conflict().category()).isEqualTo(category);
        assertThat(row.wanted()).isEqualTo(seat);
        assertThat(row.takenBy()).isEqualTo(seat + " sold, order " + OrderLookup.shortReference(first.orderId()));
        assertThat(row.serverDid()).isEqualTo("Re-seated");
        assertThat(row.seatsNow()).isEqualTo(newSeat);
        assertThat(row.age()).isNotEmpty();
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        assertThat(tab.getText()).isEqualTo("Conflicts: 1 open  (Ctrl+K)");
        // chosen at once, and said in words
        ClientFixture.waitFor(10, () -> table.getSelectionModel().getSelectedItem() == row
                || table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals(row.id()));
        Label wanted = robot.lookup("#conflict-wanted").queryAs(Label.class);
        assertThat(wanted.getText()).endsWith("(" + seat + ")").startsWith("Stalls, row D");
        Label message = robot.lookup("#conflicts-message").queryAs(Label.class);

        // a move needs seats; one to a seat of another price tier is refused by the server, with what to do
        robot.type(KeyCode.F8);
        assertThat(message.getText()).startsWith("Type the seats to move the buyer to");
        robot.clickOn("#move-seats").write("BALCONY-A-1");
        robot.type(KeyCode.F8);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Those seats are not what the buyer paid for: a move takes as many seats of each price tier as the order has (1 seat in tier " + category + ")"));
        assertThat(message.getStyleClass()).contains("problem");

        Screenshots.save(table.getScene(), Path.of("target/screenshots/manager-conflicts.png"));

        // keep the new seats, with a note
        javafx.scene.control.TextField seats = robot.lookup("#move-seats").queryAs(javafx.scene.control.TextField.class);
        robot.interact(seats::clear);
        robot.clickOn("#conflict-note").write("Buyer agreed at the door");
        robot.type(KeyCode.F6);
        ClientFixture.waitFor(20, () -> message.getText().equals("Order " + row.order() + ": the buyer keeps " + newSeat
                + ". Conflict resolved."));
        ClientFixture.waitFor(20, () -> table.getItems().isEmpty() && tab.getText().equals("Conflicts  (Ctrl+K)"));

        // the server has it resolved, under the manager signed in at this terminal
        SyncClient asManager = new SyncClient(URI.create(server.url()), managerCredential, Duration.ofSeconds(10));
        assertThat(asManager.conflicts("OPEN", "manager")).isEmpty();
        assertThat(asManager.conflicts("RESOLVED", "manager")).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(reseated.conflictId());
            assertThat(c.status()).isEqualTo("RESOLVED");
            assertThat(c.action()).isEqualTo("ACCEPT_RESEAT");
            assertThat(c.resolvedBy()).isEqualTo("manager@office-1");
            assertThat(c.note()).isEqualTo("Buyer agreed at the door");
            assertThat(c.newSeats()).containsExactly(newSeat);
        });

        // shown among the resolved ones, with who decided
        robot.type(KeyCode.F4);
        ClientFixture.waitFor(20, () -> table.getItems().size() == 1);
        ConflictRow decided = table.getItems().getFirst();
        assertThat(decided.open()).isFalse();
        assertThat(decided.decision()).isEqualTo("Kept the new seats");
        assertThat(decided.resolvedBy()).isEqualTo("manager@office-1");
        assertThat(decided.note()).isEqualTo("Buyer agreed at the door");

        // seats allocated on the map go through the sync server: window-2's snapshot from the server lists them
        SeatMap map = ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        int a = map.getData().indexOf("STALLS-F-1");
        robot.interact(() -> map.select(a, a + 1));
        javafx.scene.control.TextField terminal = robot.lookup("#allocate-terminal").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> terminal.setText("window-2"));
        robot.interact(() -> robot.lookup("#allocate").queryButton().fire());
        ClientFixture.waitFor(20, () -> "2 seats allocated to window-2.".equals(
                robot.lookup("#manager-message").queryLabeled().getText()));
        ClientFixture.waitFor(10, () -> map.stateOf(a) == 'A');
        HttpResponse<String> snapshot = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/sync/v1/performances/" + PERFORMANCE + "/snapshot"))
                .header("Authorization", "Bearer " + window2).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(snapshot.statusCode()).isEqualTo(200);
        List<String> allocated = new java.util.ArrayList<>();
        JsonMapper.builder().build().readTree(snapshot.body()).get("allocatedToYou").forEach(n -> allocated.add(n.asString()));
        assertThat(allocated).containsExactlyInAnyOrder("STALLS-F-1", map.getData().seatId(a + 1));
    }

    private static SyncSale sale(Performance performance, String seatId, String category) {
        long price = performance.tiers().stream().filter(t -> t.category().equals(category)).findFirst()
                .map(PriceTier::priceMinor).orElseThrow();
        String saleId = UUID.randomUUID().toString();
        return new SyncSale(saleId, 1, performance.id(), UUID.randomUUID().toString(), "BOX_OFFICE", "AT_RISK",
                Instant.now(), null, "EUR", List.of(new SyncSale.Seat(seatId, category, price)),
                List.of(new SyncSale.Payment("CASH", price, price, 0L, "pay-" + saleId, null)));
    }

    private SyncOutcome send(String credential, String terminalId, SyncSale sale) {
        SyncAnswer answer = new SyncClient(URI.create(server.url()), credential, Duration.ofSeconds(30))
                .send(new SyncBatch(UUID.randomUUID().toString(), terminalId, List.of(sale)));
        return answer.outcomes().getFirst();
    }

    @Test
    void withoutASyncServerTheToolSaysWhereConflictsLiveAndHowToConnect() throws Exception {
        ClientFixture.emptyRedis();
        manager = ClientFixture.start(BoxOfficeApp.class, data, "--boxoffice.client.mode=manager",
                "--boxoffice.client.terminal-id=office-1");
        ClientFixture.signIn(robot, "manager", "9999");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);

        ClientFixture.waitFor(10, () -> robot.lookup("#conflicts-not-connected").tryQuery().map(ClientFixture::shown)
                .orElse(false));
        String text = robot.lookup("#conflicts-not-connected").queryAs(Label.class).getText();
        assertThat(text).contains("Conflicts live on the sync server")
                .contains("boxoffice.client.sync-url").contains("boxoffice.client.sync-credential");
        assertThat(robot.lookup("#conflicts").tryQuery()).isEmpty();
    }
}
