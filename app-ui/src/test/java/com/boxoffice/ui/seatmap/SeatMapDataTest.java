package com.boxoffice.ui.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

class SeatMapDataTest {

    /** State strings and feed entries are indexed like SeatLayout; the map must paint the same seat. */
    @Test
    void everyIndexIsTheSameSeatAsInTheHoldEngineLayout() {
        for (Venue venue : DemoVenues.all()) {
            SeatLayout layout = SeatLayout.of(venue);
            SeatMapData data = SeatMapData.of(venue);
            Map<String, Seat> seats = new HashMap<>();
            for (Section section : venue.sections()) {
                for (Row row : section.rows()) {
                    for (Seat seat : row.seats()) {
                        seats.put(seat.id(), seat);
                    }
                }
            }
            assertThat(data.size()).isEqualTo(layout.size());
            for (int i = 0; i < layout.size(); i++) {
                Seat seat = seats.get(layout.seatId(i));
                assertThat(data.x(i)).as("x of %s", seat.id()).isEqualTo((float) seat.x());
                assertThat(data.y(i)).as("y of %s", seat.id()).isEqualTo((float) seat.y());
                assertThat(data.categoryOf(i).code()).isEqualTo(layout.categoryOf(i));
            }
        }
    }

    @Test
    void eachSeatKnowsItsIdSectionRowNumberAndAccess() {
        Venue venue = DemoVenues.theatre();
        SeatMapData data = SeatMapData.of(venue);
        int i = 0;
        for (int s = 0; s < venue.sections().size(); s++) {
            Section section = venue.sections().get(s);
            assertThat(data.sectionName(s)).isEqualTo(section.name());
            assertThat(data.sectionStart(s)).isEqualTo(i);
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    assertThat(data.seatId(i)).isEqualTo(seat.id());
                    assertThat(data.indexOf(seat.id())).isEqualTo(i);
                    assertThat(data.sectionOf(i)).isEqualTo(s);
                    assertThat(data.rowLabel(i)).isEqualTo(row.label());
                    assertThat(data.number(i)).isEqualTo(seat.number());
                    assertThat(data.access(i)).isEqualTo(seat.access());
                    i++;
                }
            }
            assertThat(data.sectionEnd(s)).isEqualTo(i);
        }
        assertThat(data.indexOf("NO-SUCH-SEAT")).isEqualTo(-1);
    }

    @Test
    void theNearestSeatFoundThroughTheGridIsTheNearestOfAll() {
        SeatMapData data = SeatMapData.of(DemoVenues.stadium());
        java.util.Random random = new java.util.Random(7);
        for (int probe = 0; probe < 200; probe++) {
            double x = data.minX() + random.nextDouble() * data.width();
            double y = data.minY() + random.nextDouble() * data.height();
            int best = -1;
            double bestDistance = 3.0;
            for (int i = 0; i < data.size(); i++) {
                double d = Math.hypot(data.x(i) - x, data.y(i) - y);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            int found = data.nearest(x, y, 3.0);
            if (best < 0) {
                assertThat(found).isEqualTo(-1);
            } else {
                assertThat(Math.hypot(data.x(found) - x, data.y(found) - y)).isEqualTo(bestDistance);
            }
        }
    }
}
