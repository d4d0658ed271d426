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
}
