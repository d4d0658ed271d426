package com.boxoffice.core.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoVenuesTest {

    private static final Venue THEATRE = DemoVenues.theatre();
    private static final Venue ARENA = DemoVenues.arena();
    private static final Venue STADIUM = DemoVenues.stadium();

    /** Named by id: the default display name would print every seat. */
    static Stream<Named<Venue>> venues() {
        return Stream.of(THEATRE, ARENA, STADIUM).map(venue -> Named.of(venue.id(), venue));
    }

    private static Section section(Venue venue, String id) {
        return venue.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Seat> seats(Venue venue) {
        return venue.sections().stream().flatMap(s -> s.rows().stream()).flatMap(r -> r.seats().stream()).toList();
    }

    private static double gap(Seat a, Seat b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    // ---------------------------------------------------------------- every venue

    @Test
    void allGivesTheTheatreArenaAndStadium() {
        assertThat(DemoVenues.all()).extracting(Venue::kind)
                .containsExactly(VenueKind.THEATRE, VenueKind.ARENA, VenueKind.STADIUM);
    }

    @Test
    void seatCountsAreInTheAdvertisedRanges() {
        assertThat(THEATRE.seatCount()).isBetween(1_100, 1_300);
        assertThat(ARENA.seatCount()).isBetween(17_000, 19_000);
        assertThat(STADIUM.seatCount()).isBetween(68_000, 72_000);
    }

    @Test
    void stadiumIsGeneratedWellUnderTwoSeconds() {
        long start = System.nanoTime();
        Venue stadium = DemoVenues.stadium();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(stadium.seatCount()).isPositive();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @MethodSource("venues")
    void everyDemoVenuePassesValidation(Venue venue) {
        assertThat(VenueValidator.findProblems(venue)).isEmpty();
    }

    @Test
    void generationGivesTheSameVenuesEveryTime() {
        assertThat(DemoVenues.theatre()).isEqualTo(THEATRE);
        assertThat(DemoVenues.arena()).isEqualTo(ARENA);
        assertThat(DemoVenues.stadium()).isEqualTo(STADIUM);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void seatIdsAreSectionRowNumber(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    assertThat(seat.id()).isEqualTo(section.id() + "-" + row.label() + "-" + seat.number());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("venues")
    void seatsAreListedInPhysicalOrderAlongEachRow(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                Seat first = seats.getFirst();
                for (int i = 1; i < seats.size(); i++) {
                    Seat before = seats.get(i - 1);
                    Seat seat = seats.get(i);
                    double limit = before.aisleAfter() ? 3.0 : 1.0;
                    assertThat(gap(before, seat)).as("gap before %s", seat.id()).isBetween(0.45, limit);
                    assertThat(gap(first, seat)).as("%s lies further along the row than %s", seat.id(), before.id())
                            .isGreaterThan(gap(first, before));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("venues")
    void seatsOfOneCategorySitTogetherInEachRow(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                Set<String> finished = new HashSet<>();
                String current = null;
                for (Seat seat : row.seats()) {
                    if (!seat.category().equals(current)) {
                        assertThat(finished).as("category %s comes back at %s", seat.category(), seat.id())
                                .doesNotContain(seat.category());
                        if (current != null) {
                            finished.add(current);
                        }
                        current = seat.category();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("venues")
    void ranksPutEverySeatInOneStrictOrder(Venue venue) {
        int[] ranks = seats(venue).stream().mapToInt(Seat::rank).sorted().toArray();

        for (int i = 0; i < ranks.length; i++) {
            assertThat(ranks[i]).as("ranks run 1, 2, 3 ... without gaps or repeats").isEqualTo(i + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("venues")
    void everyDeclaredCategoryIsSold(Venue venue) {
        Set<String> used = new HashSet<>();
        seats(venue).forEach(seat -> used.add(seat.category()));

        assertThat(used).containsExactlyInAnyOrderElementsOf(
                venue.categories().stream().map(PriceCategory::code).toList());
    }

    @Test
    void categoryCountsSuitEachKindOfHouse() {
        assertThat(THEATRE.categories()).hasSizeBetween(3, 4);
        assertThat(ARENA.categories()).hasSizeBetween(4, 5);
        assertThat(STADIUM.categories()).hasSizeBetween(5, 6);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void atLeastTenWheelchairSpacesEachWithItsOwnCompanionSeatBesideIt(Venue venue) {
        int spaces = 0;
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                boolean[] companionTaken = new boolean[seats.size()];
                for (int i = 0; i < seats.size(); i++) {
                    if (!seats.get(i).isWheelchairSpace()) {
                        continue;
                    }
                    spaces++;
                    int companion = -1;
                    if (i > 0 && isCompanion(seats.get(i - 1)) && !seats.get(i - 1).aisleAfter()
                            && !companionTaken[i - 1]) {
                        companion = i - 1;
                    } else if (i + 1 < seats.size() && isCompanion(seats.get(i + 1)) && !seats.get(i).aisleAfter()) {
                        companion = i + 1;
                    }
                    assertThat(companion).as("companion seat beside %s", seats.get(i).id()).isNotNegative();
                    companionTaken[companion] = true;
                }
            }
        }
        assertThat(spaces).isGreaterThanOrEqualTo(10);
    }

    private static boolean isCompanion(Seat seat) {
        return seat.access().contains(Accessibility.COMPANION);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void seatsEitherSideOfAnAisleAreAisleSeats(Venue venue) {
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                for (int i = 0; i + 1 < seats.size(); i++) {
                    if (seats.get(i).aisleAfter()) {
                        assertThat(seats.get(i).access()).as(seats.get(i).id()).contains(Accessibility.AISLE);
                        assertThat(seats.get(i + 1).access()).as(seats.get(i + 1).id()).contains(Accessibility.AISLE);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- theatre

    @Test
    void theatreHasStallsCircleBalconyAndBoxes() {
        assertThat(THEATRE.sections()).extracting(Section::name)
                .contains("Stalls", "Circle", "Balcony")
                .filteredOn(name -> name.startsWith("Box ")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void stallsRowsCurveAroundTheStage() {
        for (Row row : section(THEATRE, "STALLS").rows()) {
            List<Seat> seats = row.seats();
            Seat middle = seats.get(seats.size() / 2);
            // the row bows away from the stage: its middle is further back than its ends
            assertThat(middle.y()).as("row %s", row.label())
                    .isGreaterThan(seats.getFirst().y() + 0.5).isGreaterThan(seats.getLast().y() + 0.5);
        }
    }

    @Test
    void wideStallsRowsAreSplitByTwoAisles() {
        Section stalls = section(THEATRE, "STALLS");
        Row back = stalls.rows().getLast();

        assertThat(back.seats()).filteredOn(Seat::aisleAfter).hasSize(2);
        assertThat(back.seats().size()).isGreaterThan(30);
        // the aisles leave a centre block, not one seat on either side
        List<Integer> aisles = new ArrayList<>();
        for (int i = 0; i < back.seats().size(); i++) {
            if (back.seats().get(i).aisleAfter()) {
                aisles.add(i);
            }
        }
        assertThat(aisles.get(1) - aisles.get(0)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theatreWheelchairSpacesAreAtStallsRowEnds() {
        for (Section section : THEATRE.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                for (int i = 0; i < seats.size(); i++) {
                    if (seats.get(i).isWheelchairSpace()) {
                        assertThat(section.id()).isEqualTo("STALLS");
                        assertThat(i).as(seats.get(i).id()).isIn(0, seats.size() - 1);
                    }
                }
            }
        }
    }

    @Test
    void restrictedViewsAreAtTheFarSidesOfTheBalconyAndRankWorseThanTheirRow() {
        Predicate<Seat> restricted = seat -> seat.access().contains(Accessibility.RESTRICTED_VIEW);
        assertThat(seats(THEATRE)).filteredOn(restricted).isNotEmpty()
                .allMatch(seat -> seat.id().startsWith("BALCONY-"));
        for (Row row : section(THEATRE, "BALCONY").rows()) {
            List<Seat> seats = row.seats();
            int middle = seats.size() / 2;
            // restricted seats run in from each end of the row and never reach the middle
            for (int i = 1; i < middle; i++) {
                if (restricted.test(seats.get(i))) {
                    assertThat(seats.get(i - 1)).matches(restricted);
                }
            }
            for (int i = seats.size() - 2; i >= middle; i--) {
                if (restricted.test(seats.get(i))) {
                    assertThat(seats.get(i + 1)).matches(restricted);
                }
            }
            int bestRestricted = seats.stream().filter(restricted).mapToInt(Seat::rank).min().orElseThrow();
            int worstClear = seats.stream().filter(restricted.negate()).mapToInt(Seat::rank).max().orElseThrow();
            assertThat(bestRestricted).as("row %s", row.label()).isGreaterThan(worstClear);
        }
    }

    @Test
    void middleOfAStallsRowRanksBetterThanItsEnds() {
        for (Row row : section(THEATRE, "STALLS").rows()) {
            List<Seat> seats = row.seats();
            int middle = seats.get(seats.size() / 2).rank();
            assertThat(middle).as("row %s", row.label())
                    .isLessThan(seats.getFirst().rank()).isLessThan(seats.getLast().rank());
        }
    }

    @Test
    void nearerTheStageRanksBetter() {
        List<Row> stalls = section(THEATRE, "STALLS").rows();
        Row front = stalls.get(1);
        Row back = stalls.getLast();
        Row balcony = section(THEATRE, "BALCONY").rows().getFirst();

        assertThat(middleSeat(front).rank()).isLessThan(middleSeat(back).rank());
        assertThat(middleSeat(back).rank()).isLessThan(middleSeat(balcony).rank());
    }

    private static Seat middleSeat(Row row) {
        return row.seats().get(row.seats().size() / 2);
    }

    // ---------------------------------------------------------------- arena and stadium

    @Test
    void arenaHasFloorSectionsAndABowlAroundThem() {
        List<Section> floor = ARENA.sections().stream().filter(s -> s.id().startsWith("FLOOR-")).toList();
        List<Section> bowl = ARENA.sections().stream().filter(s -> !s.id().startsWith("FLOOR-")).toList();

        assertThat(floor).hasSizeGreaterThanOrEqualTo(4);
        assertThat(bowl).hasSizeGreaterThanOrEqualTo(20);
        // the bowl wraps round three sides of the floor: seats left of, right of and behind it
        double floorLeft = floor.stream().flatMap(s -> s.outline().stream()).mapToDouble(Point::x).min().orElseThrow();
        double floorRight = floor.stream().flatMap(s -> s.outline().stream()).mapToDouble(Point::x).max().orElseThrow();
        double floorBack = floor.stream().flatMap(s -> s.outline().stream()).mapToDouble(Point::y).max().orElseThrow();
        List<Seat> bowlSeats = bowl.stream().flatMap(s -> s.rows().stream()).flatMap(r -> r.seats().stream()).toList();
        assertThat(bowlSeats).anyMatch(seat -> seat.x() < floorLeft).anyMatch(seat -> seat.x() > floorRight)
                .anyMatch(seat -> seat.y() > floorBack);
    }

    @Test
    void floorNearTheStageRanksBetterThanTheUpperBowl() {
        Seat floorFront = middleSeat(section(ARENA, "FLOOR-B").rows().getFirst());
        Seat upperBack = seats(ARENA).stream().filter(seat -> seat.id().startsWith("2"))
                .max((a, b) -> Double.compare(a.y(), b.y())).orElseThrow();

        assertThat(floorFront.rank()).isLessThan(upperBack.rank());
    }

    @Test
    void stadiumHasLowerMiddleAndUpperTiers() {
        assertThat(STADIUM.sections()).extracting(section -> section.id().charAt(0)).containsOnly('1', '2', '3')
                .contains('1', '2', '3');
        assertThat(STADIUM.sections()).extracting(Section::name)
                .anyMatch(name -> name.startsWith("Lower")).anyMatch(name -> name.startsWith("Middle"))
                .anyMatch(name -> name.startsWith("Upper"));
    }

    @Test
    void stadiumSectionsAreWedgesWithCurvedRows() {
        for (Section section : STADIUM.sections()) {
            Row front = section.rows().getFirst();
            Row back = section.rows().stream().filter(row -> !row.label().equals("W")).reduce((a, b) -> b).orElseThrow();
            assertThat(back.seats().size()).as("section %s widens towards the back", section.id())
                    .isGreaterThan(front.seats().size());
            List<Seat> seats = back.seats();
            Seat first = seats.getFirst();
            Seat last = seats.getLast();
            Seat middle = seats.get(seats.size() / 2);
            double bow = distanceFromLine(middle, first, last);
            assertThat(bow).as("row %s of section %s curves", back.label(), section.id()).isGreaterThan(0.05);
        }
    }

    private static double distanceFromLine(Seat p, Seat a, Seat b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        return Math.abs(dx * (a.y() - p.y()) - dy * (a.x() - p.x())) / Math.hypot(dx, dy);
    }

    @Test
    void lowerTierAtTheHalfwayLineRanksBetterThanTheUpperTierBehindTheGoal() {
        Seat halfway = seats(STADIUM).stream().filter(seat -> seat.id().startsWith("1"))
                .min((a, b) -> Double.compare(Math.abs(a.x()) + Math.abs(a.y()), Math.abs(b.x()) + Math.abs(b.y())))
                .orElseThrow();
        Seat behindGoal = seats(STADIUM).stream().filter(seat -> seat.id().startsWith("3"))
                .max((a, b) -> Double.compare(a.x(), b.x())).orElseThrow();

        assertThat(halfway.rank()).isLessThan(behindGoal.rank());
        assertThat(halfway.rank()).isLessThan(STADIUM.seatCount() / 20);
    }
}
