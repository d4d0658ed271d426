package com.boxoffice.server.online;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.performance.Performance;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.core.venue.Point;
import com.boxoffice.core.venue.PriceCategory;
import com.boxoffice.core.venue.Row;
import com.boxoffice.core.venue.Seat;
import com.boxoffice.core.venue.Section;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.catalog.CatalogSeatings.VenueSeats;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public seat map of a performance, serialised once per venue plan and price list and kept, as
 * plain JSON and as raw deflate data: the demo stadium's map is megabytes, far too much to write
 * again for every buyer who opens it.
 *
 * <p>The only part that differs between performances sharing a venue and prices is the leading
 * {@code "performanceId"}, so each performance keeps just that prefix (plain and compressed), its
 * tag and checksum, and a response is the prefix followed by the shared bytes. The gzip form is
 * built the same way: the prefix is deflated and flushed to a byte boundary without ending the
 * stream, and the shared deflate data (made by a fresh compressor, so it refers to nothing before
 * it) follows, ending it. Tomcat's own compression cannot be used here: it never compresses a
 * response with a strong ETag.
 */
@Component
public class SeatMaps {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** A performance's seat map as it is sent, in both encodings. */
    public static final class SeatMap {
        private final Shared shared;
        private final byte[] prefix;
        private final byte[] deflatedPrefix;
        private final String etag;
        private final int crc;

        private SeatMap(Shared shared, byte[] prefix, byte[] deflatedPrefix, String etag, int crc) {
            this.shared = shared;
            this.prefix = prefix;
            this.deflatedPrefix = deflatedPrefix;
            this.etag = etag;
            this.crc = crc;
        }

        /** The strong entity tag of the plain JSON, quoted. */
        public String etag() {
            return "\"" + etag + "\"";
        }

        /** The strong entity tag of the gzip form (another representation, so another tag), quoted. */
        public String gzipEtag() {
            return "\"" + etag + "-gzip\"";
        }

        public int length() {
            return prefix.length + shared.json.length;
        }

        public int gzipLength() {
            return GZIP_HEADER.length + deflatedPrefix.length + shared.deflated.length + 8;
        }

        public void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(prefix);
            out.write(shared.json);
        }

        public void writeGzipTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(GZIP_HEADER);
            out.write(deflatedPrefix);
            out.write(shared.deflated);
            byte[] trailer = new byte[8];
            littleEndian(trailer, 0, crc);
            littleEndian(trailer, 4, length());
            out.write(trailer);
        }

        private static void littleEndian(byte[] into, int at, int value) {
            for (int i = 0; i < 4; i++) {
                into[at + i] = (byte) (value >>> (8 * i));
            }
        }
    }

    /** The bytes every performance at one venue with one price list shares: all but the leading id. */
    private record Shared(byte[] json, byte[] deflated, byte[] digest) {
    }

    /** A venue plan (by identity: a plan read again is another plan) with a price list. */
    private static final class Key {
        private final VenueSeats venue;
        private final List<PriceTier> tiers;

        Key(VenueSeats venue, List<PriceTier> tiers) {
            this.venue = venue;
            this.tiers = tiers;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.venue == venue && k.tiers.equals(tiers);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(venue) * 31 + tiers.hashCode();
        }
    }

    private final CatalogSeatings seatings;
    private final Map<Key, FutureTask<Shared>> shared;
    private final Map<String, SeatMap> byPerformance = new ConcurrentHashMap<>();

    public SeatMaps(CatalogSeatings seatings, OnlineProperties properties) {
        this.seatings = seatings;
        int capacity = Math.max(1, properties.seatMapCacheSize());
        this.shared = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, FutureTask<Shared>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The seat map of a stored performance at its current venue plan and prices. */
    public SeatMap of(Performance performance) {
        Shared body = shared(new Key(seatings.venueOf(performance.id()), performance.tiers()));
        SeatMap known = byPerformance.get(performance.id());
        if (known != null && known.shared == body) {
            return known;
        }
        SeatMap made = forPerformance(performance.id(), body);
        byPerformance.put(performance.id(), made);
        return made;
    }

    private Shared shared(Key key) {
        FutureTask<Shared> task;
        boolean mine = false;
        synchronized (shared) {
            task = shared.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> build(key.venue, key.tiers));
                shared.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (shared) {
                shared.remove(key, task);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the seat map was being built", e);
        }
    }

    private static SeatMap forPerformance(String performanceId, Shared body) {
        byte[] prefix = ("{\"performanceId\":" + JSON.writeValueAsString(performanceId) + ",").getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] deflatedPrefix;
        try {
            deflater.setInput(prefix);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            int n;
            // SYNC_FLUSH ends on a byte boundary without a final block, so the shared data can follow
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                out.write(buffer, 0, n);
            }
            deflatedPrefix = out.toByteArray();
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(prefix);
        crc.update(body.json());
        MessageDigest sha = sha256();
        sha.update(prefix);
        sha.update(body.digest());
        String etag = HexFormat.of().formatHex(sha.digest(), 0, 16);
        return new SeatMap(body, prefix, deflatedPrefix, etag, (int) crc.getValue());
    }

    private static Shared build(VenueSeats venueSeats, List<PriceTier> tiers) {
        byte[] whole = serialise(venueSeats, tiers);
        // the shared part: the object without its opening brace, which the prefix supplies
        byte[] json = java.util.Arrays.copyOfRange(whole, 1, whole.length);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(json.length / 4);
        try {
            deflater.setInput(json);
            deflater.finish();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                deflated.write(buffer, 0, n);
            }
        } finally {
            deflater.end();
        }
        return new Shared(json, deflated.toByteArray(), sha256().digest(json));
    }

    /**
     * The map as the API documents it, with seats in seat index order (the order of the
     * availability's states). Coordinates are rounded to centimetres, plenty to draw with and a
     * good deal shorter.
     */
    static byte[] serialise(VenueSeats venueSeats, List<PriceTier> tiers) {
        Venue venue = venueSeats.venue();
        SeatLayout layout = venueSeats.layout();
        Map<String, PriceTier> priceOf = new LinkedHashMap<>();
        tiers.forEach(t -> priceOf.put(t.category(), t));
        // seats by index, so the list follows the layout's order whatever order the plan lists them in
        Seat[] seats = new Seat[layout.size()];
        int[] sectionOf = new int[layout.size()];
        String[] rowOf = new String[layout.size()];
        List<Section> sections = venue.sections();
        for (int s = 0; s < sections.size(); s++) {
            for (Row row : sections.get(s).rows()) {
                for (Seat seat : row.seats()) {
                    int index = layout.indexOf(seat.id());
                    seats[index] = seat;
                    sectionOf[index] = s;
                    rowOf[index] = row.label();
                }
            }
        }
        String flags = layout.flagString();
        ByteArrayOutputStream out = new ByteArrayOutputStream(layout.size() * 56 + 4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("venue");
            g.writeStartObject();
            g.writeStringProperty("id", venue.id());
            g.writeStringProperty("name", venue.name());
            g.writeStringProperty("kind", venue.kind().name());
            g.writeEndObject();
            g.writeArrayPropertyStart("categories");
            for (PriceCategory category : venue.categories()) {
                PriceTier tier = priceOf.get(category.code());
                g.writeStartObject();
                g.writeStringProperty("code", category.code());
                g.writeStringProperty("name", category.name());
                g.writeStringProperty("color", category.color());
                if (tier == null) {
                    g.writeNullProperty("priceMinor");
                    g.writeNullProperty("currency");
                } else {
                    g.writeNumberProperty("priceMinor", tier.priceMinor());
                    g.writeStringProperty("currency", tier.currency());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("sections");
            for (Section section : sections) {
                g.writeStartObject();
                g.writeStringProperty("id", section.id());
                g.writeStringProperty("name", section.name());
                g.writeArrayPropertyStart("outline");
                for (Point point : section.outline()) {
                    g.writeStartArray();
                    g.writeNumber(centimetres(point.x()));
                    g.writeNumber(centimetres(point.y()));
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("seats");
            for (int i = 0; i < seats.length; i++) {
                Seat seat = seats[i];
                g.writeStartArray();
                g.writeString(seat.id());
                g.writeNumber(sectionOf[i]);
                g.writeString(rowOf[i]);
                g.writeString(seat.number());
                g.writeNumber(centimetres(seat.x()));
                g.writeNumber(centimetres(seat.y()));
                g.writeString(seat.category());
                char flag = flags.charAt(i);
                g.writeString(flag == 'W' || flag == 'C' ? String.valueOf(flag) : "");
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static double centimetres(double metres) {
        return Math.round(metres * 100) / 100.0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
