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
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Frame times of the 70,000-seat stadium map, headless with software rendering. A frame is the
 * redraw a pan or zoom step causes plus rendering the scene (a snapshot runs the layout pass that
 * draws and renders the result synchronously, canvas commands and image upload included). Frames
 * are measured twice, half of them with the whole house in view (sections drawn) and half zoomed in
 * just far enough that seats are drawn one by one, the costliest seat view (most of the house in
 * view); percentiles are over both. Applying changes is timed the same way: 1,000 seat changes
 * (one feed entry each, all over the house), then one rendered frame, in both views; the result is
 * the median of those rounds, the worst is printed too. The DETAIL line also gives a snapshot with
 * nothing to redraw, the share of a frame that is the measuring itself. With the environment
 * variable SEATMAP_BENCH_DEBUG set, each frame's drawing and rendering times are printed.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class SeatMapBenchmark {

    private SeatMap map;
    /** The frame's pixels, reused like a window's back buffer (a new 6 MB image per frame times the allocator, not the map). */
    private WritableImage target;

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
            long a = System.nanoTime();
            map.layout();
            long b = System.nanoTime();
            target = map.snapshot(null, target);
            long end = System.nanoTime();
            took[0] = end - start;
            if (System.getenv("SEATMAP_BENCH_DEBUG") != null) {
                System.out.printf("debug draw=%.1f snapshot=%.1f%n", (b - a) / 1e6, (end - b) / 1e6);
            }
        });
        return took[0] / 1e6;
    }

    /** Arrows pan with Ctrl (plain arrows move the seat cursor). */
    private void key(KeyCode code) {
        map.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, code.isArrowKey(), false, false));
    }

    private List<Double> frames(FxRobot robot, KeyCode[] moves) {
        for (int warm = 0; warm < 120; warm++) {
            KeyCode code = moves[warm % moves.length];
            frame(robot, () -> key(code));
        }
        List<Double> frames = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            KeyCode code = moves[i % moves.length];
            frames.add(frame(robot, () -> key(code)));
            if (System.getenv("SEATMAP_BENCH_DEBUG") != null) {
                System.out.printf("debug %s %.1f%n", code, frames.getLast());
            }
        }
        return frames;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get((int) (sorted.size() * p));
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
        SeatMapSkin skin = (SeatMapSkin) map.getSkin();
        assertThat(skin.detailed()).as("whole house in view draws sections").isFalse();
        List<Double> far = frames(robot, moves);
        while (!skin.detailed()) {
            frame(robot, () -> key(KeyCode.PLUS));
        }
        List<Double> near = frames(robot, moves);
        assertThat(skin.detailed()).isTrue();
        // the harness's own share: a snapshot of the map with nothing to redraw
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            idle.add(frame(robot, () -> {
            }));
        }
        List<Double> frames = new ArrayList<>(far);
        frames.addAll(near);

        Random random = new Random(1);
        List<Double> applyNear = applyTimes(robot, data, random);
        frame(robot, () -> key(KeyCode.DIGIT0));
        assertThat(skin.detailed()).isFalse();
        List<Double> applyFar = applyTimes(robot, data, random);
        List<Double> applies = new ArrayList<>(applyNear);
        applies.addAll(applyFar);
        double apply = percentile(applies, 0.5);
        System.out.printf("RESULT seatmap seats=%d frame_ms_p50=%.1f frame_ms_p95=%.1f apply_1000_changes_ms=%.1f%n",
                data.size(), percentile(frames, 0.5), percentile(frames, 0.95), apply);
        System.out.printf("DETAIL seatmap sections_p50=%.1f sections_p95=%.1f seats_p50=%.1f seats_p95=%.1f "
                + "apply_seats_ms=%.1f apply_sections_ms=%.1f apply_worst_ms=%.1f snapshot_only_p50=%.1f snapshot_only_p95=%.1f%n", percentile(far, 0.5), percentile(far, 0.95),
                percentile(near, 0.5), percentile(near, 0.95), percentile(applyNear, 0.5), percentile(applyFar, 0.5), applies.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                percentile(idle, 0.5), percentile(idle, 0.95));
    }

    /**
     * Times applying 1,000 changes and rendering the frame, 7 times after 3 untimed rounds (as frames
     * are timed after a warm-up), each round selling 1,000 more seats.
     */
    private List<Double> applyTimes(FxRobot robot, SeatMapData data, Random random) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            List<SeatChange> batch = changes(data, random, round);
            double took = frame(robot, () -> batch.forEach(map::apply));
            assertThat(map.stateOf(batch.get(0).seatIndexes()[0])).isEqualTo('S');
            if (round >= 3) {
                times.add(took);
            }
        }
        return times;
    }

    /** 1,000 seats sold, one feed entry each, at random seats all over the house. */
    private static List<SeatChange> changes(SeatMapData data, Random random, int batch) {
        List<SeatChange> changes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            changes.add(new SeatChange(batch * 1000 + i + "-0", "SOLD", new int[] {random.nextInt(data.size())}, "S", "o",
                    Instant.now()));
        }
        return changes;
    }
}
