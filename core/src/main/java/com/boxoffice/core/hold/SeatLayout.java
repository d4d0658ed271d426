package com.boxoffice.core.hold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.boxoffice.core.venue.Accessibility;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;

/**
 * A venue's seats compiled for the hold engine: every seat gets a dense index (sections, rows and
 * seats in plan order) and seats that sit side by side in one price category form a <em>block</em>,
 * the unit "best available" searches. Blocks end at the end of a row, at an aisle and where the
 * category changes, so a group chosen inside one block always sits together.
 */
public final class SeatLayout {

    /** Most blocks the Redis encoding can address (three base-64 digits). */
    public static final int MAX_BLOCKS = 64 * 64 * 64;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /**
     * Seats {@code start .. start+length-1} sitting together in one category.
     *
     * @param rank  best (lowest) seat rank in the block; blocks are searched in rank order
     * @param sweet offset within the block of its best seat, where a group is centred when it can be
     */
    public record Block(int start, int length, String category, int rank, int sweet) {
    }

    private final String[] seatIds;
    private final Map<String, Integer> indexById;
    private final byte[] flags;
    private final int[] blockOfSeat;
    private final List<Block> blocks;

    private SeatLayout(String[] seatIds, Map<String, Integer> indexById, byte[] flags, int[] blockOfSeat,
                       List<Block> blocks) {
        this.seatIds = seatIds;
        this.indexById = indexById;
        this.flags = flags;
        this.blockOfSeat = blockOfSeat;
        this.blocks = blocks;
    }

    public static SeatLayout of(Venue venue) {
        int n = venue.seatCount();
        String[] ids = new String[n];
        Map<String, Integer> index = HashMap.newHashMap(n);
        byte[] flags = new byte[n];
        int[] blockOf = new int[n];
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        for (Section section : venue.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                int blockStart = i;
                for (int s = 0; s < seats.size(); s++) {
                    Seat seat = seats.get(s);
                    if (!CODE.matcher(seat.category()).matches()) {
                        throw new IllegalArgumentException("Seat " + seat.id() + " has an unusable category code '"
                                + seat.category() + "' (letters, digits, '-' and '_' only)");
                    }
                    if (index.put(seat.id(), i) != null) {
                        throw new IllegalArgumentException("Seat id " + seat.id() + " appears twice in venue " + venue.id());
                    }
                    ids[i] = seat.id();
                    flags[i] = flagOf(seat);
                    i++;
                    boolean last = s == seats.size() - 1;
                    if (last || seat.aisleAfter() || !seats.get(s + 1).category().equals(seat.category())) {
                        blocks.add(block(seats, s, blockStart, i));
                        for (int j = blockStart; j < i; j++) {
                            blockOf[j] = blocks.size() - 1;
                        }
                        blockStart = i;
                    }
                }
            }
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("Venue " + venue.id() + " has " + blocks.size()
                    + " seat blocks; at most " + MAX_BLOCKS + " are supported");
        }
        return new SeatLayout(ids, Collections.unmodifiableMap(index), flags, blockOf, List.copyOf(blocks));
    }

    private static Block block(List<Seat> rowSeats, int lastInRow, int start, int end) {
        int length = end - start;
        int firstInRow = lastInRow - length + 1;
        int best = Integer.MAX_VALUE;
        long offsetSum = 0;
        int tied = 0;
        for (int k = 0; k < length; k++) {
            int rank = rowSeats.get(firstInRow + k).rank();
            if (rank < best) {
                best = rank;
                offsetSum = k;
                tied = 1;
            } else if (rank == best) {
                offsetSum += k;
                tied++;
            }
        }
        int sweet = (int) Math.round((double) offsetSum / tied);
        return new Block(start, length, rowSeats.get(lastInRow).category(), best, sweet);
    }

    private static byte flagOf(Seat seat) {
        if (seat.access().contains(Accessibility.WHEELCHAIR)) {
            return 'W';
        }
        if (seat.access().contains(Accessibility.COMPANION)) {
            return 'C';
        }
        return '.';
    }

    public int size() {
        return seatIds.length;
    }

    public String seatId(int index) {
        return seatIds[index];
    }

    /** Index of a seat id, or -1 when the venue has no such seat. */
    public int indexOf(String seatId) {
        Integer index = indexById.get(seatId);
        return index == null ? -1 : index;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Block blockOf(int seatIndex) {
        return blocks.get(blockOfSeat[seatIndex]);
    }

    public int blockIndexOf(int seatIndex) {
        return blockOfSeat[seatIndex];
    }

    public String categoryOf(int seatIndex) {
        return blockOf(seatIndex).category();
    }

    public boolean isWheelchairSpace(int seatIndex) {
        return flags[seatIndex] == 'W';
    }

    /** One character per seat: 'W' wheelchair space, 'C' companion seat, '.' any other. */
    public String flagString() {
        return new String(flags, StandardCharsets.US_ASCII);
    }

    /** Three characters per seat naming its block, as the Redis scripts read it. */
    String blockString() {
        StringBuilder out = new StringBuilder(blockOfSeat.length * 3);
        for (int b : blockOfSeat) {
            out.append((char) ('0' + (b >> 12 & 63))).append((char) ('0' + (b >> 6 & 63))).append((char) ('0' + (b & 63)));
        }
        return out.toString();
    }

    /** Blocks as the Redis scripts read them: "start length category rank sweet" joined by ';'. */
    String blockSpecs() {
        StringBuilder out = new StringBuilder(blocks.size() * 24);
        for (Block b : blocks) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(b.start()).append(' ').append(b.length()).append(' ').append(b.category()).append(' ')
                    .append(b.rank()).append(' ').append(b.sweet());
        }
        return out.toString();
    }
}
