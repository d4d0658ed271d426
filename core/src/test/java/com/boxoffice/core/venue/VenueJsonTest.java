package com.boxoffice.core.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VenueJsonTest {

    /** A minimal valid file; tests change one thing in it at a time. */
    private static final String STUDIO = """
            {"formatVersion": 1, "id": "studio", "name": "Studio", "kind": "OTHER",
             "categories": [{"code": "A", "name": "Standard", "color": "#336699"}],
             "sections": [{"id": "MAIN", "name": "Main", "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
               "rows": [{"label": "A", "seats": [
                 {"n": "1", "x": 1, "y": 1, "c": "A", "r": 1},
                 {"n": "2", "x": 2, "y": 1, "c": "A", "r": 2}]}]}]}
            """;

    /** Named by id: the default display name would print every seat. */
    static Stream<Named<Venue>> demoVenues() {
        return DemoVenues.all().stream().map(venue -> Named.of(venue.id(), venue));
    }

    private static List<String> problemsReading(String json) {
        try {
            VenueJson.read(json);
        } catch (InvalidVenueException e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    // ---------------------------------------------------------------- round trips

    @ParameterizedTest
    @MethodSource("demoVenues")
    void everyDemoVenueReadsBackEqualToWhatWasWritten(Venue venue) {
        String json = VenueJson.write(venue);

        Venue read = VenueJson.read(json);

        assertThat(read).isEqualTo(venue);
        assertThat(VenueJson.write(read)).isEqualTo(json);
    }

    @Test
    void venueReadsBackThroughStreams() {
        Venue venue = DemoVenues.theatre();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VenueJson.write(venue, out);

        assertThat(VenueJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(venue);
    }

    @Test
    void readingLeavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(STUDIO.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        VenueJson.read(in);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void everyDoubleSurvivesExactly() {
        double[] awkward = {0.1 + 0.2, 1e-7, 12345.678901234567, -0.0, 1e7, 3.0, -250.125, Double.MIN_VALUE, 1.234e20};
        Seat[] seats = new Seat[awkward.length];
        for (int i = 0; i < awkward.length; i++) {
            seats[i] = new Seat("S-A-" + i, Integer.toString(i), awkward[i], -awkward[i], "A", 1, Set.of(), false);
        }
        List<Point> everywhere = List.of(new Point(-1e21, -1e21), new Point(1e21, -1e21), new Point(1e21, 1e21),
                new Point(-1e21, 1e21));
        Venue venue = new Venue("v", "V", VenueKind.OTHER, List.of(new PriceCategory("A", "A", "#000000")),
                List.of(new Section("S", "S", everywhere, List.of(new Row("A", List.of(seats))))));

        Venue read = VenueJson.read(VenueJson.write(venue));

        assertThat(read).isEqualTo(venue);
        assertThat(Double.doubleToRawLongBits(read.sections().getFirst().rows().getFirst().seats().get(3).x()))
                .as("negative zero stays negative zero")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void textIsEscapedAndReadBack() {
        Venue venue = new Venue("v", "The \"Old\" Vic\\Hall\n\u0001 – Café", VenueKind.THEATRE,
                List.of(new PriceCategory("A", "Tab\there", "#000000")),
                List.of(new Section("S", "Stalls", List.of(new Point(0, 0), new Point(1, 0), new Point(1, 1)),
                        List.of(new Row("A", List.of(new Seat("S-A-1", "1", 0.5, 0.2, "A", 1, Set.of(), false)))))));

        assertThat(VenueJson.read(VenueJson.write(venue))).isEqualTo(venue);
    }

    @Test
    void standardSeatIdsAreLeftOutAndOthersKept() {
        Venue venue = new Venue("v", "V", VenueKind.OTHER, List.of(new PriceCategory("A", "A", "#000000")),
                List.of(new Section("S", "S", List.of(new Point(0, 0), new Point(5, 0), new Point(5, 5)),
                        List.of(new Row("A", List.of(
                                new Seat("S-A-1", "1", 4, 1, "A", 1, Set.of(), false),
                                new Seat("OLD-7", "2", 4.5, 1, "A", 1, Set.of(), false)))))));

        String json = VenueJson.write(venue);

        assertThat(json).doesNotContain("S-A-1").contains("{\"id\":\"OLD-7\",\"n\":\"2\"");
        assertThat(VenueJson.read(json)).isEqualTo(venue);
    }

    @Test
    void flagsAndAislesAreWrittenOnlyWhenPresent() {
        String json = VenueJson.write(DemoVenues.theatre());

        assertThat(json).contains("\"access\":[\"WHEELCHAIR\"]", "\"access\":[\"COMPANION\"]",
                "\"access\":[\"RESTRICTED_VIEW\",\"AISLE\"]", "\"aisleAfter\":true")
                .doesNotContain("\"aisleAfter\":false", "\"access\":[]");
    }

    @Test
    void stadiumFileStaysAFewMegabytesWithOneSeatPerLine() {
        Venue stadium = DemoVenues.stadium();

        String json = VenueJson.write(stadium);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(5_000_000);
        assertThat(json.lines().filter(line -> line.contains("\"n\":"))).hasSize(stadium.seatCount());
    }

    @Test
    void documentedExampleIsExactlyWhatTheWriterProduces() throws IOException {
        String doc = Files.readString(findDoc());
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        Venue venue = VenueJson.read(example);

        assertThat(VenueJson.write(venue)).isEqualTo(example);
        Seat renumbered = venue.sections().getFirst().rows().get(1).seats().get(2);
        assertThat(renumbered.id()).isEqualTo("MAIN-B-3");
        assertThat(renumbered.number()).isEqualTo("3A");
    }

    private static Path findDoc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/venue-format.md");
            if (Files.exists(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/venue-format.md not found above " + Path.of("").toAbsolutePath());
    }

    // ---------------------------------------------------------------- shape errors

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() {
        String broken = STUDIO.replace("\"r\": 2}", "\"r\": 2,}");

        assertThat(problemsReading(broken)).singleElement().asString()
                .startsWith("The venue file is not valid JSON at line 6, column");
    }

    @Test
    void emptyFileIsRejected() {
        assertThat(problemsReading("  \n")).containsExactly("The venue file is empty.");
    }

    @Test
    void fileThatIsNotAnObjectIsRejected() {
        assertThat(problemsReading("[1, 2]")).containsExactly("The venue file must hold one JSON object, not an array.");
    }

    @Test
    void trailingContentIsRejected() {
        assertThat(problemsReading(STUDIO + " {}")).singleElement().asString()
                .startsWith("The venue file is not valid JSON at line 7");
    }

    @Test
    void repeatedKeyIsRejected() {
        String twice = STUDIO.replace("\"r\": 2}", "\"r\": 2, \"r\": 3}");

        assertThat(problemsReading(twice)).singleElement().asString()
                .startsWith("The venue file is not valid JSON at line 6").contains("\"r\"");
    }

    @Test
    void missingFormatVersionIsRejectedSayingWhichVersionIsRead() {
        String noVersion = STUDIO.replace("\"formatVersion\": 1, ", "");

        assertThat(problemsReading(noVersion)).containsExactly(
                "The venue file has no formatVersion; this version of the box office reads \"formatVersion\": 1.");
    }

    @Test
    void newerFormatVersionIsRejectedNamingBothVersions() {
        String newer = STUDIO.replace("\"formatVersion\": 1", "\"formatVersion\": 2");

        assertThat(problemsReading(newer)).containsExactly("The venue file has formatVersion 2, but this version "
                + "of the box office reads formatVersion 1 only; a file from a newer version needs a newer box office.");
    }

    @Test
    void formatVersionWrittenAsTextIsRejected() {
        String text = STUDIO.replace("\"formatVersion\": 1", "\"formatVersion\": \"1\"");

        assertThat(problemsReading(text)).singleElement().asString().startsWith("The venue file has formatVersion \"1\"");
    }

    @Test
    void fieldOfTheWrongTypeIsRejectedNamingTheSeat() {
        String textX = STUDIO.replace("\"x\": 2", "\"x\": \"2\"");

        assertThat(problemsReading(textX)).containsExactly(
                "Seat 'MAIN-A-2' in section 'MAIN', row 'A': \"x\" must be a number of metres, not the string \"2\".");
    }

    @Test
    void seatNumberMustBeAString() {
        String numeric = STUDIO.replace("\"n\": \"2\"", "\"n\": 2");

        assertThat(problemsReading(numeric)).contains(
                "Seat #2 in section 'MAIN', row 'A': \"n\" must be a string (in quotes), not 2.");
    }

    @Test
    void fractionalRankIsRejectedNamingTheSeat() {
        String fractional = STUDIO.replace("\"r\": 2", "\"r\": 2.5");

        assertThat(problemsReading(fractional)).containsExactly(
                "Seat 'MAIN-A-2' in section 'MAIN', row 'A': rank \"r\" must be a whole number, not 2.5.");
    }

    @Test
    void missingCoordinateIsRejectedNamingTheSeat() {
        String noY = STUDIO.replace("\"x\": 2, \"y\": 1, ", "\"x\": 2, ");

        assertThat(problemsReading(noY))
                .containsExactly("Seat 'MAIN-A-2' in section 'MAIN', row 'A' has no \"y\" (metres).");
    }

    @Test
    void unknownFieldIsRejectedNamingTheFieldAndTheSeat() {
        String typo = STUDIO.replace("\"r\": 2}", "\"r\": 2, \"rnak\": 3}");

        assertThat(problemsReading(typo)).containsExactly("Seat 'MAIN-A-2' in section 'MAIN', row 'A' has an unknown "
                + "field \"rnak\"; known fields are access, aisleAfter, c, id, n, r, x, y.");
    }

    @Test
    void unknownFieldsAreRejectedAtEveryLevel() {
        String extra = STUDIO.replace("\"kind\": \"OTHER\",", "\"kind\": \"OTHER\", \"city\": \"Leeds\",")
                .replace("\"name\": \"Main\",", "\"name\": \"Main\", \"level\": 2,")
                .replace("{\"label\": \"A\",", "{\"label\": \"A\", \"side\": \"left\",");

        assertThat(problemsReading(extra)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("The venue has an unknown field \"city\""))
                .anySatisfy(p -> assertThat(p).startsWith("Section 'MAIN' has an unknown field \"level\""))
                .anySatisfy(p -> assertThat(p).startsWith("Row 'A' in section 'MAIN' has an unknown field \"side\""));
    }

    @Test
    void unknownAccessFlagIsRejectedNamingTheSeat() {
        String flag = STUDIO.replace("\"r\": 2}", "\"r\": 2, \"access\": [\"RAMP\"]}");

        assertThat(problemsReading(flag)).containsExactly("Seat 'MAIN-A-2' in section 'MAIN', row 'A' has access flag "
                + "'RAMP', which is not one of [WHEELCHAIR, COMPANION, RESTRICTED_VIEW, AISLE].");
    }

    @Test
    void unknownKindIsRejected() {
        String kind = STUDIO.replace("\"OTHER\"", "\"CINEMA\"");

        assertThat(problemsReading(kind)).containsExactly(
                "The venue has kind 'CINEMA', which is not one of [THEATRE, ARENA, STADIUM, OTHER].");
    }

    @Test
    void outlinePointMustBeAPair() {
        String point = STUDIO.replace("[10, 10]", "[10]");

        assertThat(problemsReading(point)).containsExactly(
                "Section 'MAIN', outline point #3 must be [x, y] in metres, not [10].");
    }

    @Test
    void everyShapeProblemIsReportedAtOnce() {
        String many = STUDIO.replace("\"x\": 1,", "\"x\": true,").replace("\"r\": 2}", "\"r\": \"2\"}")
                .replace("\"OTHER\"", "\"CINEMA\"");

        assertThat(problemsReading(many)).hasSize(3);
    }

    // ---------------------------------------------------------------- plan errors found on reading

    @Test
    void readingRunsTheValidatorAndNamesTheDuplicateSeat() {
        String duplicate = STUDIO.replace("{\"n\": \"2\",", "{\"id\": \"MAIN-A-1\", \"n\": \"2\",");

        assertThat(problemsReading(duplicate)).containsExactly(
                "Seat id 'MAIN-A-1' is used twice: in section 'MAIN', row 'A' and in section 'MAIN', row 'A'.");
    }

    @Test
    void missingTextIsReportedAsMissingByTheValidator() {
        String noCategory = STUDIO.replace("\"y\": 1, \"c\": \"A\", \"r\": 2", "\"y\": 1, \"r\": 2");

        assertThat(problemsReading(noCategory)).containsExactly(
                "Seat 'MAIN-A-2' in section 'MAIN', row 'A' has no price category.");
    }

    @Test
    void seatWithoutNumberOrIdIsNamedByPosition() {
        String noNumber = STUDIO.replace("{\"n\": \"2\", ", "{");

        assertThat(problemsReading(noNumber)).containsExactly(
                "Seat #2 in section 'MAIN', row 'A' has no id.", "Seat #2 in section 'MAIN', row 'A' has no number.");
    }

    @Test
    void seatOutsideItsOutlineIsRejectedOnReading() {
        String outside = STUDIO.replace("\"x\": 2,", "\"x\": 25,");

        assertThat(problemsReading(outside)).singleElement().asString()
                .startsWith("Seat 'MAIN-A-2' in section 'MAIN', row 'A' at (25.00, 1.00) lies 15.00 m outside");
    }

    // ---------------------------------------------------------------- writing and I/O

    @Test
    void writingAnInvalidVenueIsRefused() {
        Venue invalid = new Venue("v", "V", VenueKind.OTHER, List.of(), List.of());

        assertThatThrownBy(() -> VenueJson.write(invalid)).isInstanceOf(InvalidVenueException.class)
                .hasMessageContaining("no price categories");
        assertThatThrownBy(() -> VenueJson.write(invalid, new ByteArrayOutputStream()))
                .isInstanceOf(InvalidVenueException.class);
    }

    @Test
    void streamThatFailsGivesAnIoErrorNotAnInvalidVenue() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> VenueJson.read(failing)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk gone");
    }
}
