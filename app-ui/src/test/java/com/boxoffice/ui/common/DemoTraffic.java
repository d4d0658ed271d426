package com.boxoffice.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.JournalSale;
import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.performance.Channel;

/**
 * Makes a performance look mid-sale: groups of seats sold by a few terminals (through the hold
 * engine's journal-sale script), some blocked, some allocated, as a house has them an hour into an
 * on-sale. For screenshots; the same seed gives the same house.
 */
public final class DemoTraffic {

    private DemoTraffic() {
    }

    public static void fill(HoldStore holds, PerformanceSeating seating, double soldShare, long seed) {
        SeatLayout layout = seating.layout();
        String performanceId = seating.performance().id();
        Random random = new Random(seed);
        String[] terminals = {"window-1", "window-2", "kiosk-1"};
        Channel[] channels = {Channel.BOX_OFFICE, Channel.BOX_OFFICE, Channel.KIOSK};
        List<SeatLayout.Block> blocks = layout.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            SeatLayout.Block block = blocks.get(b);
            // better blocks sell first: the lower the rank, the fuller
            double share = Math.min(0.97, soldShare * (1.6 - Math.min(1.2, block.rank() / 40.0)));
            int i = 0;
            while (i < block.length()) {
                int group = 1 + random.nextInt(4);
                if (random.nextDouble() < share) {
                    List<String> seats = new ArrayList<>();
                    for (int k = i; k < Math.min(block.length(), i + group); k++) {
                        seats.add(layout.seatId(block.start() + k));
                    }
                    int t = random.nextInt(terminals.length);
                    holds.applyJournalSale(performanceId, new JournalSale(UUID.randomUUID().toString(), terminals[t],
                            UUID.randomUUID().toString(), seats, channels[t]));
                }
                i += group;
            }
            if (b % 53 == 11) {
                List<String> offline = new ArrayList<>();
                for (int k = 0; k < block.length(); k++) {
                    if (holds.availability(performanceId).stateOf(block.start() + k) == com.boxoffice.core.hold.SeatState.AVAILABLE) {
                        offline.add(layout.seatId(block.start() + k));
                    }
                }
                if (!offline.isEmpty()) {
                    holds.allocate(performanceId, offline, "window-2");
                }
            } else if (b % 37 == 5) {
                List<String> house = new ArrayList<>();
                for (int k = 0; k < Math.min(6, block.length()); k++) {
                    String seat = layout.seatId(block.start() + k);
                    if (holds.availability(performanceId).stateOf(block.start() + k) == com.boxoffice.core.hold.SeatState.AVAILABLE) {
                        house.add(seat);
                    }
                }
                if (!house.isEmpty()) {
                    holds.block(performanceId, house, "House seats");
                }
            }
        }
    }
}
