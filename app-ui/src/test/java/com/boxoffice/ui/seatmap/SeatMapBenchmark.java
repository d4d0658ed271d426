package com.boxoffice.ui.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.venue.DemoVenues;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Frame times of the 70,000-seat stadium map, headless with software rendering. A frame is the
 * redraw a pan or zoom step causes plus rendering the scene (a snapshot renders it synchronously,
 * canvas commands included). Applying changes is timed the same way: 1,000 seat changes, then one
 * rendered frame.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class SeatMapBenchmark {

    private SeatMap map;

    @Start
    void start(Stage stage) {
        map = new SeatMap();
        stage.setScene(new Scene(map, 1600, 1000));
        stage.show();
    }

    private double frame(FxRobot robot, Runnable step) {
        long[] took = new long[1];
        robot.interact(() -> {
            long start = System.nanoTime();
            step.run();
            map.snapshot(null, null);
            took[0] = System.nanoTime() - start;
        });
        return took[0] / 1e6;
    }

    private void key(KeyCode code) {
        map.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    @Test
    void stadiumFrameTimes(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.stadium());
        char[] states = new char[data.size()];
        Arrays.fill(states, '.');
        robot.interact(() -> {
            map.setData(data);
            map.setStates(new String(states));
        });
        KeyCode[] moves = {KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN, KeyCode.PLUS, KeyCode.MINUS};
        for (int warm = 0; warm < 30; warm++) {
            KeyCode code = moves[warm % moves.length];
            frame(robot, () -> key(code));
        }
        List<Double> frames = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            KeyCode code = moves[i % moves.length];
            frames.add(frame(robot, () -> key(code)));
        }
        frames.sort(Double::compare);

        Random random = new Random(1);
        List<SeatChange> changes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            changes.add(new SeatChange(i + "-0", "SOLD", new int[] {random.nextInt(data.size())}, "S", "o", Instant.now()));
        }
        double apply = frame(robot, () -> changes.forEach(map::apply));
        assertThat(map.stateOf(changes.get(0).seatIndexes()[0])).isEqualTo('S');

        System.out.printf("RESULT seatmap seats=%d frame_ms_p50=%.1f frame_ms_p95=%.1f apply_1000_changes_ms=%.1f%n",
                data.size(), frames.get(frames.size() / 2), frames.get((int) (frames.size() * 0.95)), apply);
    }
}
