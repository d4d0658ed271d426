package com.boxoffice.ui.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.OrderStatus;
import com.boxoffice.ui.common.ClientFixture;
import com.boxoffice.ui.common.Money;
import com.boxoffice.ui.common.Screenshots;
import com.boxoffice.ui.seatmap.SeatMap;
import com.boxoffice.ui.shell.BoxOfficeApp;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

/** Selling at the window through the real screens, on a real Redis and H2 journal. */
class BoxOfficeSaleTest {

    @TempDir
    Path data;

    private BoxOfficeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        ClientFixture.emptyRedis();
        app = ClientFixture.start(BoxOfficeApp.class, data);
    }

    @AfterEach
    void stop() throws Exception {
        ClientFixture.stop(app);
    }

    @Test
    void bestAvailablePaidInCashGivesChangeTicketsAndShowsTheSeatsSold() throws Exception {
        ClientFixture.signIn(robot, "clerk", "1111");
        SeatMap map = ClientFixture.openPerformance(robot, ClientFixture.performancesRoot(robot), 0);
        robot.interact(() -> robot.lookup("#best-count").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(2));
        robot.type(KeyCode.F2);

        ListView<String> basket = robot.lookup("#basket").queryListView();
        ClientFixture.waitFor(20, () -> basket.getItems().size() == 2
                && robot.lookup("#countdown").queryLabeled().getText().startsWith("Held for"));
        assertThat(robot.lookup("#countdown").queryLabeled().getText()).matches("Held for [45]:\\d\\d");
        SeatLayout layout = app.context().getBean(PerformanceSeatings.class).seating("demo-theatre-1").layout();
        HoldStore holds = app.context().getBean(HoldStore.class);
        // the basket shows the journal's priced order: two seats side by side, priced by their tiers
        var priced = app.context().getBean(SaleOrderRepository.class).findAll();
        assertThat(priced).hasSize(1);
        var tiers = app.context().getBean(PerformanceSeatings.class).seating("demo-theatre-1").performance().tiersByCategory();
        long expected = priced.getFirst().getSeats().stream()
                .mapToLong(s -> tiers.get(layout.categoryOf(layout.indexOf(s.seatId()))).priceMinor()).sum();
        assertThat(robot.lookup("#basket-total").queryLabeled().getText())
                .isEqualTo("Total " + Money.format(expected, "EUR"));

        robot.clickOn("#tendered").write(String.valueOf(expected / 100 + 10));
        assertThat(robot.lookup("#change-due").queryLabeled().getText()).isEqualTo("Change €10.00");
        robot.type(KeyCode.F9);

        Label message = robot.lookup("#sale-message").queryAs(Label.class);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("Paid"));
        assertThat(message.getText()).isEqualTo("Paid. Give €10.00 change.");
        ListView<String> tickets = robot.lookup("#tickets").queryListView();
        assertThat(tickets.getItems()).hasSize(2);

        // the journal has the order confirmed, Redis has both seats sold, and the map shows them sold
        var orders = app.context().getBean(SaleOrderRepository.class).findAll();
        assertThat(orders).hasSize(1);
        assertThat(orders.getFirst().getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        List<String> sold = orders.getFirst().getSeats().stream().map(s -> s.seatId()).toList();
        for (String seatId : sold) {
            int index = layout.indexOf(seatId);
            assertThat(holds.availability("demo-theatre-1").stateOf(index)).isEqualTo(SeatState.SOLD);
            ClientFixture.waitFor(10, () -> map.stateOf(index) == 'S');
        }
        Screenshots.save(map.getScene(), Path.of("target/screenshots/box-office-sold.png"));

        // the tickets were saved as a PDF, a page per seat, named by the order's short reference
        Label file = robot.lookup("#ticket-file").queryAs(Label.class);
        ClientFixture.waitFor(10, () -> file.getText().startsWith("Saved as "));
        Path pdf = Path.of(file.getText().substring("Saved as ".length()));
        assertThat(pdf).exists().isRegularFile();
        assertThat(pdf.getFileName().toString()).startsWith(OrderLookup.shortReference(orders.getFirst().getId()));
        assertThat(pdf.getParent()).isEqualTo(data.resolve("tickets"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Hamlet", OrderLookup.shortReference(orders.getFirst().getId()));
        }
        assertThat(data.resolve("keys/ticket-public-key.pem")).exists();

        // no printer on this machine: the clerk is told where the file is
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        ClientFixture.waitFor(20, () -> message.getText().startsWith("No printer is set up"));
        assertThat(message.getText()).contains(pdf.toString());

        robot.type(KeyCode.F12);
        ClientFixture.waitFor(5, () -> basket.getItems().isEmpty() && tickets.getItems().isEmpty());
    }
}
