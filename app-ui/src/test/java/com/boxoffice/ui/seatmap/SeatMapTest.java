package com.boxoffice.ui.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.ui.common.Screenshots;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/** The seat map drawn for real (headless), checked pixel by pixel where a seat is. */
@ExtendWith(ApplicationExtension.class)
class SeatMapTest {

    private SeatMap map;

    @Start
    void start(Stage stage) {
        map = new SeatMap();
        stage.setScene(new Scene(map, 1000, 700));
        stage.show();
    }

    private Color pixelAt(FxRobot robot, int seat) {
        SeatMapSkin skin = (SeatMapSkin) map.getSkin();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = map.snapshot(null, null));
        return shot[0].getPixelReader().getColor((int) Math.round(skin.screenX(seat)), (int) Math.round(skin.screenY(seat)));
    }

    @Test
    void freeSeatsShowTheirPriceColourAndALiveSaleRepaintsTheSeatAsSold(FxRobot robot) {
        Venue theatre = DemoVenues.theatre();
        SeatMapData data = SeatMapData.of(theatre);
        robot.interact(() -> map.setData(data));

        Color free = Color.web(data.categoryOf(0).color());
        assertThat(pixelAt(robot, 0)).isEqualTo(free);

        robot.interact(() -> map.apply(new SeatChange("1-0", "SOLD", new int[] {0, 1}, "SS", "order-1", Instant.now())));
        assertThat(pixelAt(robot, 0)).isEqualTo(SeatMapSkin.SOLD);
        assertThat(pixelAt(robot, 1)).isEqualTo(SeatMapSkin.SOLD);
        assertThat(pixelAt(robot, 2)).isEqualTo(Color.web(data.categoryOf(2).color()));

        robot.interact(() -> map.apply(new SeatChange("2-0", "RELEASED", new int[] {1}, "A", "hold-1", Instant.now())));
        assertThat(pixelAt(robot, 1)).isEqualTo(SeatMapSkin.ALLOCATED);
    }

    @Test
    void dataGivenBeforeTheMapIsShownIsDrawnInItsColours(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.theatre());
        SeatMap fresh = new SeatMap();
        fresh.setData(data);
        fresh.setStates(".".repeat(data.size()));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(fresh, 800, 600));
            stage.show();
            fresh.applyCss();
            fresh.layout();
            shot[0] = fresh.snapshot(null, null);
            stage.close();
        });
        SeatMapSkin skin = (SeatMapSkin) fresh.getSkin();
        assertThat(shot[0].getPixelReader().getColor((int) Math.round(skin.screenX(0)), (int) Math.round(skin.screenY(0))))
                .isEqualTo(Color.web(data.categoryOf(0).color()));
    }

    @Test
    void theStadiumIsDrawnWholeWithEveryStateVisible(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.stadium());
        char[] states = new char[data.size()];
        Random random = new Random(3);
        String codes = ".........SSSSHBA";
        for (int i = 0; i < states.length; i++) {
            states[i] = codes.charAt(random.nextInt(codes.length()));
        }
        robot.interact(() -> {
            map.setData(data);
            map.setStates(new String(states));
        });
        // Zoomed out to the whole house, seats overlap; every state must still show on screen.
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = map.snapshot(null, null));
        Map<Color, Integer> seen = new HashMap<>();
        for (int y = 0; y < (int) shot[0].getHeight(); y++) {
            for (int x = 0; x < (int) shot[0].getWidth(); x++) {
                seen.merge(shot[0].getPixelReader().getColor(x, y), 1, Integer::sum);
            }
        }
        for (Color state : List.of(SeatMapSkin.SOLD, SeatMapSkin.HELD, SeatMapSkin.BLOCKED, SeatMapSkin.ALLOCATED)) {
            assertThat(seen.getOrDefault(state, 0)).as("pixels of %s", state).isGreaterThan(100);
        }
        for (var category : data.categories()) {
            assertThat(seen.getOrDefault(Color.web(category.color()), 0)).as("pixels of category %s", category.code()).isPositive();
        }
        Screenshots.save(map.getScene(), Path.of("target/screenshots/seat-map-stadium.png"));
    }
}
