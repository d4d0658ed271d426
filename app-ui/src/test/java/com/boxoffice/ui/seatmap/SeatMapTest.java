package com.boxoffice.ui.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.boxoffice.core.hold.SeatChange;
import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.ui.common.Screenshots;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/** The seat map drawn and driven for real (headless), checked pixel by pixel where a seat is. */
@ExtendWith(ApplicationExtension.class)
class SeatMapTest {

    private SeatMap map;
    private SeatMapLegend legend;

    @Start
    void start(Stage stage) {
        map = new SeatMap();
        legend = new SeatMapLegend();
        BorderPane root = new BorderPane(map);
        root.setRight(legend);
        stage.setScene(new Scene(root, 1200, 700));
        stage.show();
    }

    private SeatMapSkin skin() {
        return (SeatMapSkin) map.getSkin();
    }

    private WritableImage shot(FxRobot robot) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = map.snapshot(null, null));
        return shot[0];
    }

    private Color pixelAt(FxRobot robot, int seat) {
        WritableImage shot = shot(robot);
        return shot.getPixelReader().getColor((int) Math.round(skin().screenX(seat)), (int) Math.round(skin().screenY(seat)));
    }

    private SeatMapData theatre(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.theatre());
        robot.interact(() -> {
            map.setData(data);
            map.setStates(".".repeat(data.size()));
        });
        shot(robot);
        return data;
    }

    private void key(FxRobot robot, KeyCode code, boolean control) {
        robot.interact(() -> map.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, false, false)));
    }

    private void mouse(FxRobot robot, javafx.event.EventType<MouseEvent> type, double x, double y, boolean shift) {
        robot.interact(() -> {
            Point2D screen = map.localToScreen(x, y);
            map.fireEvent(new MouseEvent(type, x, y, screen.getX(), screen.getY(), MouseButton.PRIMARY, 1, shift, false,
                    false, false, true, false, false, false, false, false, new PickResult(map, x, y)));
        });
    }

    private void click(FxRobot robot, double x, double y) {
        mouse(robot, MouseEvent.MOUSE_PRESSED, x, y, false);
        mouse(robot, MouseEvent.MOUSE_RELEASED, x, y, false);
    }

    private void change(FxRobot robot, int seat, char state) {
        robot.interact(() -> map.apply(new SeatChange("1-0", "X", new int[] {seat}, String.valueOf(state), "o", Instant.now())));
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
    void theZoomedOutStadiumShowsSectionsFilledByHowFullTheyAre(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.stadium());
        char[] states = new char[data.size()];
        Arrays.fill(states, '.');
        int full = 0;
        int empty = 1;
        Arrays.fill(states, data.sectionStart(full), data.sectionEnd(full), 'S');
        robot.interact(() -> {
            map.setData(data);
            map.setStates(new String(states));
        });
        WritableImage shot = shot(robot);
        assertThat(skin().detailed()).isFalse();
        // the middle of the front row: inside its section, away from the name written in the middle
        int frontOfFull = middleOfFrontRow(data, full);
        int frontOfEmpty = middleOfFrontRow(data, empty);
        assertThat(colorAt(shot, frontOfFull)).isEqualTo(SeatMapSkin.fullness(1));
        assertThat(colorAt(shot, frontOfEmpty)).isEqualTo(SeatMapSkin.fullness(0));

        // a live sale in the empty section darkens it
        int[] half = new int[(data.sectionEnd(empty) - data.sectionStart(empty)) / 2];
        Arrays.setAll(half, i -> data.sectionStart(empty) + i);
        robot.interact(() -> map.apply(new SeatChange("1-0", "SOLD", half, "S".repeat(half.length), "o", Instant.now())));
        Color halfFull = colorAt(shot(robot), frontOfEmpty);
        assertThat(halfFull).isNotEqualTo(SeatMapSkin.fullness(0));
        assertThat(halfFull.getBrightness()).isLessThan(SeatMapSkin.fullness(0).getBrightness());
        assertThat(halfFull.getBrightness()).isGreaterThan(SeatMapSkin.fullness(1).getBrightness());
        Screenshots.save(map.getScene(), Path.of("target/screenshots/seat-map-stadium.png"));
    }

    private static int middleOfFrontRow(SeatMapData data, int section) {
        int start = data.sectionStart(section);
        int end = start;
        while (end < data.sectionEnd(section) && data.rowLabel(end).equals(data.rowLabel(start))) {
            end++;
        }
        return (start + end) / 2;
    }

    private Color colorAt(WritableImage shot, int seat) {
        return shot.getPixelReader().getColor((int) Math.round(skin().screenX(seat)), (int) Math.round(skin().screenY(seat)));
    }

    @Test
    void zoomedInTheStadiumShowsSeatsWithEveryStateInItsShape(FxRobot robot) {
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
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < states.length && mine.size() < 400; i++) {
            if (states[i] == 'H' && i % 2 == 0) {
                mine.add(i);
            }
        }
        robot.interact(() -> map.setMine(mine));
        shot(robot);
        int middle = middleOfFrontRow(data, 2);
        zoomAt(robot, skin().screenX(middle), skin().screenY(middle), Math.pow(1.25, 5));
        WritableImage shot = shot(robot);
        assertThat(skin().detailed()).isTrue();
        int checked = 0;
        for (int seat = 0; seat < data.size() && checked < 50; seat++) {
            double x = skin().screenX(seat);
            double y = skin().screenY(seat);
            if (x > 20 && y > 20 && x < map.getWidth() - 20 && y < map.getHeight() - 20) {
                Color expected = switch (map.kindOf(seat)) {
                    case AVAILABLE -> Color.web(data.categoryOf(seat).color());
                    case HELD_BY_ME -> SeatMapSkin.HELD_BY_ME;
                    case HELD -> SeatMapSkin.HELD;
                    case SOLD -> SeatMapSkin.SOLD;
                    case BLOCKED -> SeatMapSkin.BLOCKED;
                    case ALLOCATED -> SeatMapSkin.ALLOCATED;
                };
                assertThat(colorAt(shot, seat)).as("centre of seat %d (%s)", seat, map.kindOf(seat)).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(50);
        robot.interact(() -> {
            legend.setCategories(data.categories());
            legend.setPrices(Map.of("A", "£95.00", "B", "£70.00", "C", "£55.00"));
        });
        zoomAt(robot, skin().screenX(middle), skin().screenY(middle), Math.pow(1.25, 3));
        int first = firstSeatInView();
        robot.interact(() -> {
            map.select(first);
            map.setSeatCursor(first);
        });
        shot(robot);
        Screenshots.save(map.getScene(), Path.of("target/screenshots/seat-map-seats.png"));
    }

    private void zoomAt(FxRobot robot, double x, double y, double factor) {
        robot.interact(() -> Event.fireEvent(map, new ZoomEvent(ZoomEvent.ZOOM, x, y, x, y, false, false, false, false,
                true, false, factor, factor, new PickResult(map, x, y))));
    }

    private int firstSeatInView() {
        for (int seat = 0; seat < map.getData().size(); seat++) {
            double x = skin().screenX(seat);
            double y = skin().screenY(seat);
            if (x > 100 && y > 100 && x < map.getWidth() - 100 && y < map.getHeight() - 100 && map.isSelectable(seat)) {
                return seat;
            }
        }
        throw new AssertionError("no seat in view");
    }

    @Test
    void aSeatHeldByThisClientLooksDifferentFromOneHeldByOthers(FxRobot robot) {
        SeatMapData data = theatre(robot);
        int seat = 40;
        change(robot, seat, 'H');
        int[] others = seatPixels(robot, seat);
        robot.interact(() -> map.setMine(List.of(seat)));
        int[] mine = seatPixels(robot, seat);
        int differing = 0;
        for (int i = 0; i < mine.length; i++) {
            if (mine[i] != others[i]) {
                differing++;
            }
        }
        assertThat(differing).as("pixels that differ of %d", mine.length).isGreaterThan(mine.length / 4);
        assertThat(map.stateName(seat)).isEqualTo("Held by you");
        robot.interact(() -> map.setMine(List.of()));
        assertThat(seatPixels(robot, seat)).isEqualTo(others);
        assertThat(data.size()).isPositive();
    }

    /** The pixels of the square the seat is drawn in. */
    private int[] seatPixels(FxRobot robot, int seat) {
        WritableImage shot = shot(robot);
        double size = skin().scale() * SeatMapSkin.SEAT_FRACTION;
        int half = (int) Math.floor(size / 2);
        int cx = (int) Math.round(skin().screenX(seat));
        int cy = (int) Math.round(skin().screenY(seat));
        int[] out = new int[(2 * half + 1) * (2 * half + 1)];
        int k = 0;
        for (int y = cy - half; y <= cy + half; y++) {
            for (int x = cx - half; x <= cx + half; x++) {
                out[k++] = shot.getPixelReader().getArgb(x, y);
            }
        }
        return out;
    }

    @Test
    void aClickSelectsAnAvailableSeatAndIgnoresASoldOne(FxRobot robot) {
        theatre(robot);
        change(robot, 11, 'S');
        click(robot, skin().screenX(10), skin().screenY(10));
        click(robot, skin().screenX(11), skin().screenY(11));
        assertThat(map.getSelection()).containsExactly(10);
        Color selected = pixelAtEdge(robot, 10);
        assertThat(selected).isEqualTo(SeatMapSkin.SELECTED);

        click(robot, skin().screenX(10), skin().screenY(10));
        assertThat(map.getSelection()).isEmpty();
    }

    @Test
    void aTapAmongSeatsTooSmallForAFingerGoesCloserAndTheNextTapPicks(FxRobot robot) {
        theatre(robot);
        robot.interact(() -> map.setSmallestPick(28));
        double before = skin().scale();
        assertThat(before * SeatMapSkin.SEAT_FRACTION).isLessThan(28);
        double x = skin().screenX(100);
        double y = skin().screenY(100);
        click(robot, x, y);
        assertThat(map.getSelection()).isEmpty();
        assertThat(skin().scale() * SeatMapSkin.SEAT_FRACTION).isCloseTo(28, Offset.offset(1e-6));
        assertThat(skin().screenX(100)).isCloseTo(x, Offset.offset(1e-6));

        click(robot, skin().screenX(100), skin().screenY(100));
        assertThat(map.getSelection()).containsExactly(100);
    }

    /** A pixel on the left edge of the seat's square, where the selection outline is drawn. */
    private Color pixelAtEdge(FxRobot robot, int seat) {
        int size = (int) Math.round(skin().scale() * SeatMapSkin.SEAT_FRACTION);
        int left = (int) Math.round(skin().screenX(seat) - size / 2.0);
        return shot(robot).getPixelReader().getColor(left, (int) Math.round(skin().screenY(seat)));
    }

    @Test
    void shiftDragSelectsTheSelectableSeatsWhoseCentresAreInTheRectangle(FxRobot robot) {
        SeatMapData data = theatre(robot);
        change(robot, 5, 'S');
        double x0 = skin().screenX(0) - 3;
        double y0 = skin().screenY(0) - 40;
        double x1 = x0 + 120;
        double y1 = y0 + 90;
        mouse(robot, MouseEvent.MOUSE_PRESSED, x0, y0, true);
        mouse(robot, MouseEvent.MOUSE_DRAGGED, (x0 + x1) / 2, (y0 + y1) / 2, true);
        mouse(robot, MouseEvent.MOUSE_DRAGGED, x1, y1, true);
        mouse(robot, MouseEvent.MOUSE_RELEASED, x1, y1, true);

        List<Integer> inside = new ArrayList<>();
        for (int seat = 0; seat < data.size(); seat++) {
            double x = skin().screenX(seat);
            double y = skin().screenY(seat);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && map.stateOf(seat) == '.') {
                inside.add(seat);
            }
        }
        assertThat(inside).hasSizeGreaterThan(5).doesNotContain(5);
        assertThat(map.getSelection()).containsExactlyInAnyOrderElementsOf(inside);

        key(robot, KeyCode.ESCAPE, false);
        assertThat(map.getSelection()).isEmpty();
    }

    @Test
    void aPlainDragPansWithoutSelecting(FxRobot robot) {
        theatre(robot);
        double before = skin().screenX(0);
        mouse(robot, MouseEvent.MOUSE_PRESSED, 300, 300, false);
        mouse(robot, MouseEvent.MOUSE_DRAGGED, 340, 310, false);
        mouse(robot, MouseEvent.MOUSE_RELEASED, 340, 310, false);
        assertThat(skin().screenX(0)).isCloseTo(before + 40, Offset.offset(1e-6));
        assertThat(map.getSelection()).isEmpty();
    }

    @Test
    void aSelectedSeatTakenByALiveChangeDropsOutOfTheSelection(FxRobot robot) {
        theatre(robot);
        robot.interact(() -> map.select(20, 21));
        assertThat(map.getSelection()).containsExactlyInAnyOrder(20, 21);
        change(robot, 20, 'H');
        assertThat(map.getSelection()).containsExactly(21);
        assertThat(pixelAtEdge(robot, 20)).as("no selection outline").isNotEqualTo(SeatMapSkin.SELECTED);
        assertThat(pixelAtEdge(robot, 21)).isEqualTo(SeatMapSkin.SELECTED);
    }

    @Test
    void arrowKeysMoveTheCursorToTheNeighbourSeatAndSpaceSelectsIt(FxRobot robot) {
        SeatMapData data = theatre(robot);
        // a seat in the middle of a stalls row: its row neighbours are the seats before and after it
        int seat = (data.sectionStart(0) + data.sectionEnd(0)) / 2;
        while (!data.rowLabel(seat).equals(data.rowLabel(seat + 1)) || !data.rowLabel(seat).equals(data.rowLabel(seat - 1))
                || distance(data, seat, seat + 1) > 0.7 || distance(data, seat, seat - 1) > 0.7) {
            seat++;
        }
        int right = data.x(seat + 1) > data.x(seat) ? seat + 1 : seat - 1;
        int left = right == seat + 1 ? seat - 1 : seat + 1;
        int start = seat;
        robot.interact(() -> map.setSeatCursor(start));

        key(robot, KeyCode.RIGHT, false);
        assertThat(map.getSeatCursor()).isEqualTo(right);
        key(robot, KeyCode.LEFT, false);
        key(robot, KeyCode.LEFT, false);
        assertThat(map.getSeatCursor()).isEqualTo(left);
        key(robot, KeyCode.UP, false);
        assertThat(data.y(map.getSeatCursor())).isLessThan(data.y(left));
        assertThat(data.rowLabel(map.getSeatCursor())).isNotEqualTo(data.rowLabel(left));
        key(robot, KeyCode.DOWN, false);
        assertThat(data.rowLabel(map.getSeatCursor())).isEqualTo(data.rowLabel(left));

        int cursor = map.getSeatCursor();
        key(robot, KeyCode.SPACE, false);
        assertThat(map.getSelection()).containsExactly(cursor);
        assertThat(map.getAccessibleText()).contains("seat " + data.number(cursor)).contains("selected");
        key(robot, KeyCode.ENTER, false);
        assertThat(map.getSelection()).isEmpty();
    }

    private static double distance(SeatMapData data, int a, int b) {
        return Math.hypot(data.x(a) - data.x(b), data.y(a) - data.y(b));
    }

    @Test
    void aNewSnapshotOfStatesKeepsTheViewWhereItWas(FxRobot robot) {
        SeatMapData data = theatre(robot);
        key(robot, KeyCode.PLUS, false);
        key(robot, KeyCode.RIGHT, true);
        int seat = firstSeatInView();
        double scale = skin().scale();
        double x = skin().screenX(seat);
        robot.interact(() -> map.setStates("S".repeat(data.size())));
        assertThat(pixelAt(robot, seat)).isEqualTo(SeatMapSkin.SOLD);
        assertThat(skin().scale()).isEqualTo(scale);
        assertThat(skin().screenX(seat)).isEqualTo(x);
    }

    @Test
    void aPannedPictureIsTheSameAsOneDrawnAfresh(FxRobot robot) {
        SeatMapData data = theatre(robot);
        robot.interact(() -> map.setStates(".SHBA".repeat(data.size() / 5 + 1).substring(0, data.size())));
        key(robot, KeyCode.PLUS, false);
        shot(robot);
        key(robot, KeyCode.RIGHT, true);
        key(robot, KeyCode.DOWN, true);
        WritableImage moved = shot(robot);
        robot.interact(() -> map.setStates(".SHBA".repeat(data.size() / 5 + 1).substring(0, data.size())));
        WritableImage fresh = shot(robot);
        int differing = 0;
        for (int y = 0; y < (int) fresh.getHeight(); y++) {
            for (int x = 0; x < (int) fresh.getWidth(); x++) {
                if (moved.getPixelReader().getArgb(x, y) != fresh.getPixelReader().getArgb(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).isZero();
    }

    @Test
    void ctrlArrowsPanAndLeaveTheCursorAlone(FxRobot robot) {
        theatre(robot);
        double before = skin().screenX(0);
        key(robot, KeyCode.RIGHT, true);
        assertThat(skin().screenX(0)).isLessThan(before);
        assertThat(map.getSeatCursor()).isEqualTo(-1);
    }

    @Test
    void theCursorMovedOutOfViewScrollsTheMapToShowIt(FxRobot robot) {
        SeatMapData data = theatre(robot);
        for (int i = 0; i < 6; i++) {
            key(robot, KeyCode.PLUS, false);
        }
        int far = 0;
        for (int seat = 0; seat < data.size(); seat++) {
            if (skin().screenX(seat) < 0 || skin().screenY(seat) < 0) {
                far = seat;
                break;
            }
        }
        int target = far;
        robot.interact(() -> map.setSeatCursor(target));
        key(robot, KeyCode.RIGHT, false);
        int now = map.getSeatCursor();
        assertThat(skin().screenX(now)).isBetween(0.0, map.getWidth());
        assertThat(skin().screenY(now)).isBetween(0.0, map.getHeight());
    }

    @Test
    void theTooltipOfASeatTellsItsSectionRowNumberPriceAndAccess(FxRobot robot) {
        Venue venue = DemoVenues.theatre();
        SeatMapData data = theatre(robot);
        int wheelchair = -1;
        for (int seat = 0; seat < data.size(); seat++) {
            if (data.access(seat).contains(Accessibility.WHEELCHAIR)) {
                wheelchair = seat;
                break;
            }
        }
        int seat = wheelchair;
        robot.interact(() -> map.setPrices(Map.of(data.categoryOf(seat).code(), "£42.50")));
        mouse(robot, MouseEvent.MOUSE_MOVED, skin().screenX(seat), skin().screenY(seat), false);
        assertThat(map.getTooltip()).isNotNull();
        String text = map.getTooltip().getText();
        String section = venue.sections().get(data.sectionOf(seat)).name();
        assertThat(text).contains(section).contains("row " + data.rowLabel(seat)).contains("seat " + data.number(seat))
                .contains(data.categoryOf(seat).name()).contains("£42.50").contains("Wheelchair space").contains("Available");

        mouse(robot, MouseEvent.MOUSE_MOVED, 2, 2, false);
        assertThat(map.getTooltip()).isNull();
    }

    @Test
    void aPinchZoomsAroundItsCentreAndATouchSwipePans(FxRobot robot) {
        theatre(robot);
        double before = skin().scale();
        double x = skin().screenX(100);
        double y = skin().screenY(100);
        robot.interact(() -> Event.fireEvent(map, new ZoomEvent(ZoomEvent.ZOOM, x, y, x, y, false, false, false, false,
                true, false, 1.5, 1.5, new PickResult(map, x, y))));
        assertThat(skin().scale()).isCloseTo(before * 1.5, Offset.offset(1e-9));
        assertThat(skin().screenX(100)).isCloseTo(x, Offset.offset(1e-6));

        double seatX = skin().screenX(100);
        robot.interact(() -> Event.fireEvent(map, new ScrollEvent(ScrollEvent.SCROLL, 300, 300, 300, 300, false, false,
                false, false, true, false, -50, 0, -50, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 1, new PickResult(map, 300, 300))));
        assertThat(skin().screenX(100)).isCloseTo(seatX - 50, Offset.offset(1e-6));
        assertThat(skin().scale()).isCloseTo(before * 1.5, Offset.offset(1e-9));
    }

    @Test
    void theLegendNamesEveryCategoryWithItsPriceAndEveryState(FxRobot robot) {
        SeatMapData data = SeatMapData.of(DemoVenues.theatre());
        robot.interact(() -> {
            legend.setCategories(data.categories());
            legend.setPrices(Map.of("A", "£60.00"));
        });
        List<String> texts = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(label -> isInside(label, legend)).map(Label::getText).toList();
        for (var category : data.categories()) {
            assertThat(texts).contains(category.name());
        }
        assertThat(texts).contains("£60.00").containsAll(
                Set.of("Available", "Selected", "Held by you", "Held by others", "Sold", "Blocked", "Allocated to a terminal"));
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }
}
