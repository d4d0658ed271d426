package com.boxoffice.server.online;

/** A change-feed (Redis stream) id, {@code <milliseconds>-<sequence>}, ordered as Redis orders them. */
record FeedId(long millis, long sequence) implements Comparable<FeedId> {

    /** @throws IllegalArgumentException when the text is not a stream id */
    static FeedId parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1 || text.length() > 41) {
            throw new IllegalArgumentException("Not a feed id: " + text);
        }
        try {
            long millis = Long.parseLong(text, 0, dash, 10);
            long sequence = Long.parseLong(text, dash + 1, text.length(), 10);
            if (millis < 0 || sequence < 0) {
                throw new IllegalArgumentException("Not a feed id: " + text);
            }
            return new FeedId(millis, sequence);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a feed id: " + text, e);
        }
    }

    @Override
    public int compareTo(FeedId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    boolean isAfter(FeedId other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
