package com.boxoffice.core.hold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every seat's state at one instant, with the id of the last change-feed entry it includes: a
 * reader applies feed entries after {@code feedId} and is exactly up to date.
 *
 * @param states one {@link SeatState#code()} per seat, in {@link SeatLayout} index order
 * @param feedId last change included ("0-0" when there is none)
 * @param counts seats per state code, free seats per category ("free:&lt;category&gt;") and sold seats
 *               per channel and terminal ("sold@&lt;channel&gt;@&lt;terminal or -&gt;", see {@link SalesTally})
 */
public record Availability(String performanceId, String states, String feedId, Map<String, Long> counts) {

    public SeatState stateOf(int seatIndex) {
        return SeatState.ofCode(states.charAt(seatIndex));
    }

    public long count(SeatState state) {
        return counts.getOrDefault(String.valueOf(state.code()), 0L);
    }

    public long freeIn(String category) {
        return counts.getOrDefault("free:" + category, 0L);
    }

    /**
     * Sold seats per channel and terminal, by channel name, then terminal (sales made at no
     * terminal first). Only tallies with seats are listed; their seats add up to {@code count(SOLD)}.
     */
    public List<SalesTally> salesTallies() {
        List<SalesTally> tallies = new ArrayList<>();
        counts.forEach((field, seats) -> {
            SalesTally tally = SalesTally.parse(field, seats);
            if (tally != null && seats != 0) {
                tallies.add(tally);
            }
        });
        tallies.sort(Comparator.comparing(SalesTally::channel)
                .thenComparing(SalesTally::terminalId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return tallies;
    }

    /**
     * Sold seats per channel name ({@code BOX_OFFICE}, {@code KIOSK}, {@code ONLINE}, and
     * {@link SalesTally#UNKNOWN_CHANNEL} for seats whose seller is not known), sorted by name; a
     * channel that sold nothing is absent. The values add up to {@code count(SOLD)}.
     */
    public Map<String, Long> soldByChannel() {
        Map<String, Long> byChannel = new TreeMap<>();
        for (SalesTally tally : salesTallies()) {
            byChannel.merge(tally.channel(), tally.seats(), Long::sum);
        }
        return byChannel;
    }

    /**
     * Sold seats per terminal id, sorted by id, whatever the channel; seats sold at no terminal
     * (online) or by a seller not known are not in it. A terminal that sold nothing is absent.
     */
    public Map<String, Long> soldByTerminal() {
        Map<String, Long> byTerminal = new TreeMap<>();
        for (SalesTally tally : salesTallies()) {
            if (tally.terminalId() != null) {
                byTerminal.merge(tally.terminalId(), tally.seats(), Long::sum);
            }
        }
        return byTerminal;
    }
}
