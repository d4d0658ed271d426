package com.boxoffice.ui.manager;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.SalesTally;
import com.boxoffice.ui.common.Fx;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Seats sold by channel and terminal, as the hold engine counts them, read every two seconds in the
 * background (one read returns the whole tally with the seat states it belongs to).
 */
public class SalesTallyView {

    private final TableView<SalesTally> table = new TableView<>();
    private final Timeline poll;
    private final AtomicBoolean reading = new AtomicBoolean();

    public SalesTallyView(HoldStore holds, String performanceId) {
        table.setId("sales-tally");
        table.setPrefHeight(170);
        table.setMinWidth(0);
        table.setPrefWidth(460);
        table.setPlaceholder(new Label("No seats sold yet."));
        TableColumn<SalesTally, String> channel = new TableColumn<>("Channel");
        channel.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(channelName(c.getValue().channel())));
        TableColumn<SalesTally, String> terminal = new TableColumn<>("Terminal");
        terminal.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().terminalId() == null ? "(online)" : c.getValue().terminalId()));
        TableColumn<SalesTally, String> seats = new TableColumn<>("Seats sold");
        seats.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%,d", c.getValue().seats())));
        seats.getStyleClass().add("count");
        table.getColumns().add(channel);
        table.getColumns().add(terminal);
        table.getColumns().add(seats);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> read(holds, performanceId)));
        poll.setCycleCount(Timeline.INDEFINITE);
        read(holds, performanceId);
        poll.play();
    }

    private void read(HoldStore holds, String performanceId) {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Fx.inBackground(() -> holds.availability(performanceId).salesTallies(), tallies -> {
            reading.set(false);
            if (!tallies.equals(List.copyOf(table.getItems()))) {
                table.getItems().setAll(tallies);
            }
        }, error -> reading.set(false));
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "BOX_OFFICE" -> "Box office";
            case "KIOSK" -> "Kiosk";
            case "ONLINE" -> "Online";
            default -> channel.substring(0, 1) + channel.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    public Node node() {
        return table;
    }

    public void close() {
        poll.stop();
    }
}
