package com.boxoffice.core.venue;

import java.util.List;

/**
 * A block of the house (stalls, circle, box 3, section 114).
 *
 * @param id      unique within the venue
 * @param name    name shown to people
 * @param outline polygon around the section in venue map coordinates (metres, y grows downwards
 *                away from the stage/pitch), used to draw the section when zoomed out
 * @param rows    rows in order from the front
 */
public record Section(String id, String name, List<Point> outline, List<Row> rows) {

    public Section {
        outline = List.copyOf(outline);
        rows = List.copyOf(rows);
    }
}
