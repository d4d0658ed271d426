package com.boxoffice.core.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VenueValidatorTest {

    /** A 10 m square section with its corner at the origin. */
    private static final List<Point> SQUARE =
            List.of(new Point(0, 0), new Point(10, 0), new Point(10, 10), new Point(0, 10));
    private static final List<PriceCategory> CATEGORIES = List.of(
            new PriceCategory("A", "Premium", "#aa0000"), new PriceCategory("B", "Standard", "#0000aa"));

    private static Seat seat(String id, String number, double x, double y) {
        return new Seat(id, number, x, y, "A", 1, Set.of(), false);
    }

    private static Row row(String label, Seat... seats) {
        return new Row(label, List.of(seats));
    }

    private static Section section(String id, Row... rows) {
        return new Section(id, "Section " + id, SQUARE, List.of(rows));
    }

    private static Venue venue(Section... sections) {
        return new Venue("studio", "The Studio", VenueKind.THEATRE, CATEGORIES, List.of(sections));
    }

    /** A valid two-section venue: section S rows A and B, section T row A. */
    private static Venue goodVenue() {
        return venue(
                section("S", row("A", seat("S-A-1", "1", 1, 1), seat("S-A-2", "2", 2, 1)),
                        row("B", seat("S-B-1", "1", 1, 2))),
                section("T", row("A", seat("T-A-1", "1", 5, 5))));
    }

    private static List<String> problems(Venue venue) {
        return VenueValidator.findProblems(venue);
    }

    @Test
    void aWellFormedVenueHasNoProblems() {
        assertThat(problems(goodVenue())).isEmpty();
        assertThatCode(() -> VenueValidator.validate(goodVenue())).doesNotThrowAnyException();
    }

    @Test
    void blankVenueIdAndNameAreRejected() {
        Venue venue = new Venue(" ", "", VenueKind.OTHER, CATEGORIES, goodVenue().sections());

        assertThat(problems(venue)).containsExactly("The venue has no id.", "The venue has no name.");
    }

    @Test
    void sectionWithoutIdIsRejectedNamingItsPositionAndName() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1))),
                new Section(null, "Upper", SQUARE, List.of(row("A", seat("U-A-1", "1", 1, 1)))));

        assertThat(problems(venue)).containsExactly("Section #2 ('Upper') has no id.");
    }

    @Test
    void sectionWithoutNameIsRejectedNamingTheSection() {
        Venue venue = venue(new Section("S", " ", SQUARE, List.of(row("A", seat("S-A-1", "1", 1, 1)))));

        assertThat(problems(venue)).containsExactly("Section 'S' has no name.");
    }

    @Test
    void seatWithoutIdIsRejectedNamingItsNumberRowAndSection() {
        Venue venue = venue(section("S", row("F", seat("S-F-11", "11", 1, 1), seat("", "12", 2, 1))));

        assertThat(problems(venue)).containsExactly("Seat #2 (number '12') in section 'S', row 'F' has no id.");
    }

    @Test
    void seatWithoutNumberIsRejectedNamingTheSeat() {
        Venue venue = venue(section("S", row("F", seat("S-F-1", null, 1, 1))));

        assertThat(problems(venue)).containsExactly("Seat 'S-F-1' in section 'S', row 'F' has no number.");
    }

    @Test
    void rowWithoutLabelIsRejectedNamingItsPositionAndSection() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1)), row("", seat("S-X-1", "1", 1, 2))));

        assertThat(problems(venue)).containsExactly("Row #2 in section 'S' has no label.");
    }

    @Test
    void categoryWithoutCodeOrNameIsRejected() {
        Venue venue = new Venue("studio", "The Studio", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Premium", "#aa0000"), new PriceCategory(null, "Cheap", "#00aa00"),
                        new PriceCategory("C", "", "#00aa00")),
                goodVenue().sections());

        assertThat(problems(venue)).containsExactly("Price category #2 has no code.", "Price category 'C' has no name.");
    }

    @Test
    void idsWithOtherCharactersAreRejectedNamingTheId() {
        Venue venue = new Venue("demo venue", "Demo", VenueKind.OTHER,
                List.of(new PriceCategory("A+", "Premium", "#aa0000"), new PriceCategory("A", "Standard", "#0000aa")),
                List.of(section("UPPER.1", row("A", seat("UPPER.1/A/1", "1", 1, 1)))));

        assertThat(problems(venue)).containsExactly(
                "The venue: id 'demo venue' may only contain letters, digits, '-' and '_'.",
                "Price category 'A+': the code may only contain letters, digits, '-' and '_'.",
                "Section 'UPPER.1': id 'UPPER.1' may only contain letters, digits, '-' and '_'.",
                "Seat 'UPPER.1/A/1' in section 'UPPER.1', row 'A': id 'UPPER.1/A/1' may only contain letters, "
                        + "digits, '-' and '_'.");
    }

    @Test
    void idsMayUseLettersDigitsDashesAndUnderscores() {
        Venue venue = venue(section("Lower_Tier-101", row("A", seat("Lower_Tier-101-A-1", "1", 1, 1))));

        assertThat(problems(venue)).isEmpty();
    }

    @Test
    void duplicateSeatIdIsRejectedNamingTheSeatAndBothPlaces() {
        Venue venue = venue(section("S", row("A", seat("X-1", "1", 1, 1))),
                section("T", row("B", seat("X-1", "1", 1, 1))));

        assertThat(problems(venue)).containsExactly(
                "Seat id 'X-1' is used twice: in section 'S', row 'A' and in section 'T', row 'B'.");
    }

    @Test
    void duplicateSectionIdIsRejectedNamingTheIdAndBothPositions() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1))),
                section("T", row("A", seat("T-A-1", "1", 1, 1))),
                section("S", row("B", seat("S-B-1", "1", 1, 1))));

        assertThat(problems(venue)).containsExactly("Section id 'S' is used twice (sections #1 and #3).");
    }

    @Test
    void duplicateCategoryCodeIsRejectedNamingTheCode() {
        Venue venue = new Venue("studio", "The Studio", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Premium", "#aa0000"), new PriceCategory("B", "Standard", "#0000aa"),
                        new PriceCategory("A", "Again", "#00aa00")),
                goodVenue().sections());

        assertThat(problems(venue)).containsExactly("Price category code 'A' is declared twice (categories #1 and #3).");
    }

    @Test
    void categoryColourMustBeHexRgb() {
        Venue venue = new Venue("studio", "The Studio", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Premium", "red")), goodVenue().sections());

        assertThat(problems(venue)).containsExactly("Price category 'A' has colour 'red'; it must be #rrggbb.");
    }

    @Test
    void seatWithUndeclaredCategoryIsRejectedNamingSeatAndCategory() {
        Seat seat = new Seat("S-F-12", "12", 1, 1, "Z", 1, Set.of(), false);
        Venue venue = venue(section("S", row("F", seat)));

        assertThat(problems(venue)).containsExactly(
                "Seat 'S-F-12' in section 'S', row 'F' has price category 'Z', which the venue does not declare.");
    }

    @Test
    void seatWithoutCategoryIsRejectedNamingTheSeat() {
        Seat seat = new Seat("S-F-12", "12", 1, 1, null, 1, Set.of(), false);

        assertThat(problems(venue(section("S", row("F", seat)))))
                .containsExactly("Seat 'S-F-12' in section 'S', row 'F' has no price category.");
    }

    @Test
    void venueWithoutCategoriesOrSectionsIsRejected() {
        Venue venue = new Venue("empty", "Empty", VenueKind.OTHER, List.of(), List.of());

        assertThat(problems(venue)).containsExactly(
                "The venue declares no price categories.", "The venue has no sections.");
    }

    @Test
    void rowWithNoSeatsIsRejectedNamingTheRowAndSection() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1)), row("B")));

        assertThat(problems(venue)).containsExactly("Row 'B' in section 'S' has no seats.");
    }

    @Test
    void sectionWithNoRowsIsRejectedNamingTheSection() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1))), section("EMPTY"));

        assertThat(problems(venue)).containsExactly("Section 'EMPTY' has no rows.");
    }

    @Test
    void repeatedRowLabelIsRejectedNamingTheSection() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1)), row("A", seat("S-A-9", "9", 1, 2))));

        assertThat(problems(venue)).containsExactly("Row label 'A' is used twice in section 'S' (rows #1 and #2).");
    }

    @Test
    void repeatedSeatNumberInARowIsRejectedNamingTheSeat() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1), seat("S-A-1b", "1", 2, 1))));

        assertThat(problems(venue)).containsExactly(
                "Seat 'S-A-1b' in section 'S', row 'A': seat number '1' appears twice in the row.");
    }

    @Test
    void seatOutsideItsSectionOutlineIsRejectedNamingTheSeat() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1), seat("S-A-2", "2", 12, 5))));

        assertThat(problems(venue)).containsExactly(
                "Seat 'S-A-2' in section 'S', row 'A' at (12.00, 5.00) lies 2.00 m outside the outline of section 'S'.");
    }

    @Test
    void seatWithinHalfAMetreOfTheOutlineIsAccepted() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 10.45, 5), seat("S-A-2", "2", -0.3, -0.3))));

        assertThat(problems(venue)).isEmpty();
    }

    @Test
    void seatJustBeyondTheToleranceIsRejected() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 10.55, 5))));

        assertThat(problems(venue)).singleElement().asString().contains("'S-A-1'", "0.55 m outside");
    }

    @Test
    void seatInTheNotchOfAnLShapedOutlineIsOutside() {
        List<Point> lShape = List.of(new Point(0, 0), new Point(10, 0), new Point(10, 4), new Point(4, 4),
                new Point(4, 10), new Point(0, 10));
        Section section = new Section("L", "L block", lShape,
                List.of(row("A", seat("L-A-1", "1", 2, 8), seat("L-A-2", "2", 8, 2), seat("L-A-3", "3", 8, 8))));

        assertThat(problems(venue(section))).singleElement().asString()
                .startsWith("Seat 'L-A-3' in section 'L', row 'A' at (8.00, 8.00) lies 4.00 m outside");
    }

    @Test
    void outlineNeedsThreeFinitePoints() {
        Section tooFew = new Section("S", "Stalls", List.of(new Point(0, 0), new Point(1, 1)),
                List.of(row("A", seat("S-A-1", "1", 50, 50))));
        Section notFinite = new Section("T", "Tier", List.of(new Point(0, 0), new Point(Double.NaN, 0), new Point(1, 1)),
                List.of(row("A", seat("T-A-1", "1", 0.5, 0.5))));

        assertThat(problems(venue(tooFew, notFinite))).containsExactly(
                "Section 'S' has an outline of 2 points; it needs at least 3 to enclose its seats.",
                "Section 'T': outline point #2 is not a finite coordinate.");
    }

    @Test
    void seatWithoutFinitePositionIsRejectedNamingTheSeat() {
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", Double.NaN, 1))));

        assertThat(problems(venue))
                .containsExactly("Seat 'S-A-1' in section 'S', row 'A' does not have a finite position.");
    }

    @Test
    void negativeRankIsRejectedNamingTheSeat() {
        Seat seat = new Seat("S-A-1", "1", 1, 1, "A", -3, Set.of(), false);

        assertThat(problems(venue(section("S", row("A", seat))))).containsExactly(
                "Seat 'S-A-1' in section 'S', row 'A' has a negative rank (-3); ranks start at 0.");
    }

    @Test
    void rankZeroIsAllowed() {
        Seat seat = new Seat("S-A-1", "1", 1, 1, "A", 0, Set.of(), false);

        assertThat(problems(venue(section("S", row("A", seat))))).isEmpty();
    }

    @Test
    void validateReportsEveryProblemAtOnce() {
        Seat undeclared = new Seat("S-A-2", "2", 1, 1, "Z", 1, Set.of(), false);
        Seat negative = new Seat("S-A-3", "3", 1, 1, "A", -1, Set.of(), false);
        Venue venue = venue(section("S", row("A", seat("S-A-1", "1", 1, 1), undeclared, negative)), section("S"));

        assertThatThrownBy(() -> VenueValidator.validate(venue))
                .isInstanceOfSatisfying(InvalidVenueException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage()).startsWith("Invalid venue (4 problems):")
                            .contains("'Z'", "negative rank", "used twice", "Section 'S' has no rows.");
                });
    }

    @Test
    void longProblemListsAreCutShortInTheMessageButKeptInFull() {
        List<Seat> seats = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            seats.add(new Seat("S-A-" + i, Integer.toString(i), 1, 1, "Z", 1, Set.of(), false));
        }
        Venue venue = venue(new Section("S", "Stalls", SQUARE, List.of(new Row("A", seats))));

        assertThatThrownBy(() -> VenueValidator.validate(venue))
                .isInstanceOfSatisfying(InvalidVenueException.class, e -> {
                    assertThat(e.problems()).hasSize(40);
                    assertThat(e.getMessage()).contains("'S-A-30'", "... and 10 more").doesNotContain("'S-A-31'");
                });
    }
}
