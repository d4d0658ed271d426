package com.boxoffice.ui.boxoffice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.boxoffice.core.shift.ShiftReport;
import com.boxoffice.core.shift.ShiftView;
import com.boxoffice.ui.common.Money;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Opening and closing the shift, and the cash-drawer report at the close. */
public class ShiftPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final VBox root = new VBox(14);

    public ShiftPane(ShiftViewModel model) {
        root.setPadding(new Insets(20));
        root.setMaxWidth(640);
        Label status = new Label();
        status.setId("shift-status");
        status.getStyleClass().add("total");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            ShiftView open = model.currentProperty().get();
            return open == null ? "No shift is open on this terminal."
                    : "Shift open since " + TIME.format(open.openedAt().atZone(ZoneId.systemDefault())) + " by "
                    + open.openedBy() + ", float " + Money.format(open.openingFloatMinor(), open.currency()) + ".";
        }, model.currentProperty()));

        TextField floatField = new TextField();
        floatField.setId("shift-float");
        floatField.setPromptText("Cash in the drawer now, e.g. 150");
        Button open = new Button("Open shift");
        open.setId("shift-open");
        open.setOnAction(e -> model.open(floatField.getText()));
        floatField.setOnAction(e -> open.fire());
        GridPane openForm = new GridPane(10, 10);
        openForm.addRow(0, new Label("Opening float"), floatField, open);
        openForm.visibleProperty().bind(model.currentProperty().isNull());
        openForm.managedProperty().bind(openForm.visibleProperty());

        TextField counted = new TextField();
        counted.setId("shift-counted");
        counted.setPromptText("Cash counted in the drawer");
        Button close = new Button("Close shift");
        close.setId("shift-close");
        close.setOnAction(e -> model.close(counted.getText()));
        counted.setOnAction(e -> close.fire());
        GridPane closeForm = new GridPane(10, 10);
        closeForm.addRow(0, new Label("Counted cash"), counted, close);
        closeForm.visibleProperty().bind(model.currentProperty().isNotNull());
        closeForm.managedProperty().bind(closeForm.visibleProperty());
        open.disableProperty().bind(model.busyProperty());
        close.disableProperty().bind(model.busyProperty());

        Label message = new Label();
        message.setId("shift-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        GridPane report = new GridPane(24, 6);
        report.setId("shift-report");
        report.getStyleClass().add("report");
        model.reportProperty().addListener((obs, old, r) -> fill(report, r));
        report.visibleProperty().bind(model.reportProperty().isNotNull());

        root.getChildren().addAll(status, openForm, closeForm, message, report);
        model.refresh();
    }

    private static void fill(GridPane grid, ShiftReport r) {
        grid.getChildren().clear();
        if (r == null) {
            return;
        }
        String c = r.currency();
        Object[][] lines = {
                {"Opening float", Money.format(r.openingFloatMinor(), c)},
                {"Cash taken", Money.format(r.cashTakenMinor(), c)},
                {"Cash refunded", Money.format(r.cashRefundedMinor(), c)},
                {"Expected in drawer", Money.format(r.expectedCashMinor(), c)},
                {"Counted", Money.format(r.countedCashMinor(), c)},
                {r.overShortMinor() >= 0 ? "Over" : "Short", Money.format(Math.abs(r.overShortMinor()), c)},
                {"Card taken", Money.format(r.cardTakenMinor(), c)},
                {"Card refunded", Money.format(r.cardRefundedMinor(), c)},
                {"Sales / refunds / tickets", r.sales() + " / " + r.refunds() + " / " + r.tickets()},
        };
        for (int i = 0; i < lines.length; i++) {
            Label value = new Label((String) lines[i][1]);
            value.setId("shift-report-" + i);
            grid.addRow(i, new Label((String) lines[i][0]), value);
        }
    }

    public Parent root() {
        return root;
    }
}
