package com.boxoffice.core.venue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes venues in the JSON venue format described in {@code docs/venue-format.md}.
 *
 * <p>The format keeps one seat per line with one-letter keys and leaves out what can be derived
 * (an id of the form {@code SECTION-ROW-NUMBER}, empty flags), so that a 70,000-seat stadium stays
 * a few megabytes and a seat can still be found and fixed in a text editor. Numbers are written in
 * their shortest exact form, so reading a written venue gives back an equal venue.
 *
 * <p>Reading checks the whole file, first its shape (JSON syntax, {@code formatVersion}, field
 * types, unknown fields) and then, if the shape is right, the plan itself with
 * {@link VenueValidator}. Either way every problem found is reported together in one
 * {@link InvalidVenueException}. Writing validates too, so that no file is written that could not
 * be read back.
 */
public final class VenueJson {

    /** The format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> VENUE_FIELDS =
            Set.of("formatVersion", "id", "name", "kind", "categories", "sections");
    private static final Set<String> CATEGORY_FIELDS = Set.of("code", "name", "color");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "name", "outline", "rows");
    private static final Set<String> ROW_FIELDS = Set.of("label", "seats");
    private static final Set<String> SEAT_FIELDS = Set.of("id", "n", "x", "y", "c", "r", "access", "aisleAfter");

    private VenueJson() {
    }

    /**
     * Reads a venue file. The stream is read to its end but not closed: it belongs to the caller.
     *
     * @throws InvalidVenueException if the file is not well-formed JSON, not of a supported
     *                               {@code formatVersion}, or does not describe a valid venue
     * @throws UncheckedIOException  if the stream cannot be read
     */
    public static Venue read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e));
        } catch (JacksonException e) {
            throw notJson(e);
        }
        return fromTree(root);
    }

    /**
     * Reads a venue from JSON text.
     *
     * @throws InvalidVenueException as {@link #read(InputStream)}
     */
    public static Venue read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw notJson(e);
        }
        return fromTree(root);
    }

    /**
     * Writes a venue as UTF-8 JSON. The stream is flushed but not closed.
     *
     * @throws InvalidVenueException if the venue is not valid, as the file could not be read back
     * @throws UncheckedIOException  if the stream cannot be written
     */
    public static void write(Venue venue, OutputStream out) {
        VenueValidator.validate(venue);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeTo(venue, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a venue as JSON text.
     *
     * @throws InvalidVenueException if the venue is not valid, as the text could not be read back
     */
    public static String write(Venue venue) {
        VenueValidator.validate(venue);
        StringWriter writer = new StringWriter(64 + venue.seatCount() * 56);
        try {
            writeTo(venue, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return writer.toString();
    }

    // ---------------------------------------------------------------- writing

    private static void writeTo(Venue venue, Writer out) throws IOException {
        out.write("{\n  \"formatVersion\": " + FORMAT_VERSION + ",\n");
        out.write("  \"id\": " + string(venue.id()) + ",\n");
        out.write("  \"name\": " + string(venue.name()) + ",\n");
        out.write("  \"kind\": " + string(venue.kind().name()) + ",\n");
        out.write("  \"categories\": [");
        for (int c = 0; c < venue.categories().size(); c++) {
            PriceCategory category = venue.categories().get(c);
            out.write(c == 0 ? "\n" : ",\n");
            out.write("    {\"code\": " + string(category.code()) + ", \"name\": " + string(category.name())
                    + ", \"color\": " + string(category.color()) + "}");
        }
        out.write("\n  ],\n  \"sections\": [");
        StringBuilder line = new StringBuilder(128);
        for (int s = 0; s < venue.sections().size(); s++) {
            Section section = venue.sections().get(s);
            out.write(s == 0 ? "\n" : ",\n");
            out.write("    {\"id\": " + string(section.id()) + ", \"name\": " + string(section.name()) + ",\n");
            out.write("     \"outline\": [");
            for (int p = 0; p < section.outline().size(); p++) {
                Point point = section.outline().get(p);
                out.write((p == 0 ? "[" : ", [") + number(point.x()) + ", " + number(point.y()) + "]");
            }
            out.write("],\n     \"rows\": [");
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                out.write(r == 0 ? "\n" : ",\n");
                out.write("      {\"label\": " + string(row.label()) + ", \"seats\": [");
                for (int n = 0; n < row.seats().size(); n++) {
                    Seat seat = row.seats().get(n);
                    line.setLength(0);
                    line.append(n == 0 ? "\n" : ",\n").append("       ");
                    appendSeat(line, seat, Seat.standardId(section.id(), row.label(), seat.number()));
                    out.append(line);
                }
                out.write("]}");
            }
            out.write("]}");
        }
        out.write("\n  ]\n}\n");
    }

    private static void appendSeat(StringBuilder line, Seat seat, String defaultId) {
        line.append('{');
        if (!seat.id().equals(defaultId)) {
            line.append("\"id\":").append(string(seat.id())).append(',');
        }
        line.append("\"n\":").append(string(seat.number()))
                .append(",\"x\":").append(number(seat.x()))
                .append(",\"y\":").append(number(seat.y()))
                .append(",\"c\":").append(string(seat.category()))
                .append(",\"r\":").append(seat.rank());
        if (!seat.access().isEmpty()) {
            line.append(",\"access\":[");
            boolean first = true;
            for (Accessibility flag : EnumSet.copyOf(seat.access())) { // enum order: the same file every time
                line.append(first ? "" : ",").append('"').append(flag.name()).append('"');
                first = false;
            }
            line.append(']');
        }
        if (seat.aisleAfter()) {
            line.append(",\"aisleAfter\":true");
        }
        line.append('}');
    }

    /** Shortest text that reads back as exactly this double; "12" rather than "12.0". */
    private static String number(double value) {
        String text = Double.toString(value);
        if (text.endsWith(".0") && value != 0) {
            return text.substring(0, text.length() - 2);
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0";
        }
        return text;
    }

    private static String string(String value) {
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        text.append(String.format("\\u%04x", (int) ch));
                    } else {
                        text.append(ch);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    // ---------------------------------------------------------------- reading

    private static InvalidVenueException notJson(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("");
        return new InvalidVenueException(List.of("The venue file is not valid JSON" + where + ": " + reason), e);
    }

    private static Venue fromTree(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new InvalidVenueException(List.of("The venue file is empty."));
        }
        if (!root.isObject()) {
            throw new InvalidVenueException(List.of("The venue file must hold one JSON object, not "
                    + describe(root) + "."));
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || version.isNull()) {
            throw new InvalidVenueException(List.of("The venue file has no formatVersion; this version of the "
                    + "box office reads \"formatVersion\": " + FORMAT_VERSION + "."));
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != FORMAT_VERSION) {
            throw new InvalidVenueException(List.of("The venue file has formatVersion " + version
                    + ", but this version of the box office reads formatVersion " + FORMAT_VERSION
                    + " only; a file from a newer version needs a newer box office."));
        }

        TreeReader reader = new TreeReader();
        Venue venue = reader.venue(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidVenueException(reader.problems);
        }
        VenueValidator.validate(venue);
        return venue;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "the string " + node;
        }
        if (node.isNull()) {
            return "null";
        }
        return node.toString();
    }

    /**
     * Turns the JSON tree into a venue, noting every shape problem on the way instead of stopping at
     * the first. Missing text fields become null and are left to {@link VenueValidator}, which
     * reports them with the same wording as for a venue built in code.
     */
    private static final class TreeReader {

        final List<String> problems = new ArrayList<>();

        Venue venue(JsonNode node) {
            String where = "the venue";
            unknownFields(node, VENUE_FIELDS, where);
            String id = text(node, "id", where);
            String name = text(node, "name", where);
            VenueKind kind = VenueKind.OTHER;
            String kindText = text(node, "kind", where);
            if (kindText == null) {
                problems.add("The venue has no kind; use one of " + Arrays.toString(VenueKind.values()) + ".");
            } else {
                kind = enumValue(VenueKind.class, kindText, "The venue has kind", where);
            }
            List<PriceCategory> categories = list(node, "categories", where, this::category);
            List<Section> sections = list(node, "sections", where, this::section);
            return new Venue(id == null ? "" : id, name == null ? "" : name, kind == null ? VenueKind.OTHER : kind,
                    categories, sections);
        }

        PriceCategory category(JsonNode node, int index) {
            String where = "price category #" + (index + 1);
            if (!isObject(node, where)) {
                return null;
            }
            unknownFields(node, CATEGORY_FIELDS, where);
            return new PriceCategory(text(node, "code", where), text(node, "name", where), text(node, "color", where));
        }

        Section section(JsonNode node, int index) {
            String where = "section #" + (index + 1);
            if (!isObject(node, where)) {
                return null;
            }
            String id = text(node, "id", where);
            if (!VenueValidator.isBlank(id)) {
                where = "section '" + id + "'";
            }
            unknownFields(node, SECTION_FIELDS, where);
            String name = text(node, "name", where);
            String sectionWhere = where;
            List<Point> outline = list(node, "outline", where, (p, i) -> point(p, i, sectionWhere));
            List<Row> rows = list(node, "rows", where, (r, i) -> row(r, i, id, sectionWhere));
            return new Section(id, name, outline, rows);
        }

        Point point(JsonNode node, int index, String sectionWhere) {
            String where = sectionWhere + ", outline point #" + (index + 1);
            if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                String found = node.toString();
                problems.add(VenueValidator.capitalise(where) + " must be [x, y] in metres, not "
                        + (found.length() <= 40 ? found : describe(node)) + ".");
                return null;
            }
            return new Point(node.get(0).doubleValue(), node.get(1).doubleValue());
        }

        Row row(JsonNode node, int index, String sectionId, String sectionWhere) {
            String where = "row #" + (index + 1) + " in " + sectionWhere;
            if (!isObject(node, where)) {
                return null;
            }
            String label = text(node, "label", where);
            if (!VenueValidator.isBlank(label)) {
                where = "row '" + label + "' in " + sectionWhere;
            }
            unknownFields(node, ROW_FIELDS, where);
            String rowWhere = sectionWhere + ", " + (VenueValidator.isBlank(label) ? "row #" + (index + 1)
                    : "row '" + label + "'");
            List<Seat> seats = list(node, "seats", where, (s, i) -> seat(s, i, sectionId, label, rowWhere));
            return new Row(label, seats);
        }

        Seat seat(JsonNode node, int index, String sectionId, String rowLabel, String rowWhere) {
            String where = "seat #" + (index + 1) + " in " + rowWhere;
            if (!isObject(node, where)) {
                return null;
            }
            String number = text(node, "n", where);
            String id = text(node, "id", where);
            if (id == null && !VenueValidator.isBlank(number) && !VenueValidator.isBlank(sectionId)
                    && !VenueValidator.isBlank(rowLabel)) {
                id = Seat.standardId(sectionId, rowLabel, number);
            }
            if (!VenueValidator.isBlank(id)) {
                where = "seat '" + id + "' in " + rowWhere;
            } else if (!VenueValidator.isBlank(number)) {
                where = "seat #" + (index + 1) + " (number '" + number + "') in " + rowWhere;
            }
            unknownFields(node, SEAT_FIELDS, where);
            double x = coordinate(node, "x", where);
            double y = coordinate(node, "y", where);
            String category = text(node, "c", where);
            int rank = rank(node, where);
            Set<Accessibility> access = access(node, where);
            boolean aisleAfter = false;
            JsonNode aisle = node.get("aisleAfter");
            if (aisle != null && !aisle.isNull()) {
                if (aisle.isBoolean()) {
                    aisleAfter = aisle.booleanValue();
                } else {
                    problems.add(VenueValidator.capitalise(where) + ": \"aisleAfter\" must be true or false, not "
                            + describe(aisle) + ".");
                }
            }
            return new Seat(id, number, x, y, category, rank, access, aisleAfter);
        }

        private double coordinate(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problems.add(VenueValidator.capitalise(where) + " has no \"" + field + "\" (metres).");
                return 0;
            }
            if (!value.isNumber()) {
                problems.add(VenueValidator.capitalise(where) + ": \"" + field + "\" must be a number of metres, not "
                        + describe(value) + ".");
                return 0;
            }
            return value.doubleValue();
        }

        private int rank(JsonNode node, String where) {
            JsonNode value = node.get("r");
            if (value == null || value.isNull()) {
                problems.add(VenueValidator.capitalise(where) + " has no rank \"r\".");
                return 0;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problems.add(VenueValidator.capitalise(where) + ": rank \"r\" must be a whole number, not "
                        + describe(value) + ".");
                return 0;
            }
            return value.intValue();
        }

        private Set<Accessibility> access(JsonNode node, String where) {
            JsonNode value = node.get("access");
            if (value == null || value.isNull()) {
                return Set.of();
            }
            if (!value.isArray()) {
                problems.add(VenueValidator.capitalise(where) + ": \"access\" must be an array of flags, not "
                        + describe(value) + ".");
                return Set.of();
            }
            Set<Accessibility> flags = EnumSet.noneOf(Accessibility.class);
            for (JsonNode flag : value.values()) {
                if (!flag.isString()) {
                    problems.add(VenueValidator.capitalise(where) + ": access flag " + describe(flag)
                            + " must be one of " + Arrays.toString(Accessibility.values()) + ".");
                    continue;
                }
                Accessibility parsed = enumValue(Accessibility.class, flag.stringValue(),
                        VenueValidator.capitalise(where) + " has access flag", where);
                if (parsed != null) {
                    flags.add(parsed);
                }
            }
            return flags;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String text, String lead, String where) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(text)) {
                    return value;
                }
            }
            problems.add(lead + " '" + text + "', which is not one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
            return null;
        }

        private String text(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                problems.add(VenueValidator.capitalise(where) + ": \"" + field + "\" must be a string (in quotes), not "
                        + describe(value) + ".");
                return null;
            }
            return value.stringValue();
        }

        private <T> List<T> list(JsonNode node, String field, String where, ElementReader<T> element) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problems.add(VenueValidator.capitalise(where) + ": \"" + field + "\" must be an array, not "
                        + describe(value) + ".");
                return List.of();
            }
            List<T> items = new ArrayList<>(value.size());
            int index = 0;
            for (JsonNode item : value.values()) {
                T read = element.read(item, index++);
                if (read != null) {
                    items.add(read);
                }
            }
            return items;
        }

        private boolean isObject(JsonNode node, String where) {
            if (node.isObject()) {
                return true;
            }
            problems.add(VenueValidator.capitalise(where) + " must be an object, not " + describe(node) + ".");
            return false;
        }

        private void unknownFields(JsonNode node, Set<String> known, String where) {
            Collection<String> names = node.propertyNames();
            if (known.containsAll(names)) {
                return;
            }
            for (String name : names) {
                if (!known.contains(name)) {
                    problems.add(VenueValidator.capitalise(where) + " has an unknown field \"" + name
                            + "\"; known fields are " + String.join(", ", known.stream().sorted().toList()) + ".");
                }
            }
        }
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonNode node, int index);
    }
}
