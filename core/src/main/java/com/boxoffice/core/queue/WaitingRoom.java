package com.boxoffice.core.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.boxoffice.core.hold.RedisKeys;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.hold.RedisScripts.Script;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.shared.BoxOfficeException;

/**
 * The public waiting room of each performance, kept in Redis beside its seats (see
 * {@code redis/scripts/queue/lib.lua}): a lobby before the sale opens whose members get random
 * places when it does, arrival order after that, and admission at a set rate that never lets
 * through more buyers than the seats left can serve. Every change is one script call, so any
 * number of servers can share a waiting room. Thread-safe.
 */
public final class WaitingRoom {

    /** Performances that have a waiting room, for the servers' admission rounds. */
    public static final String ROOMS_KEY = "bo:queue:rooms";

    private static final char SEPARATOR = '.';
    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final RedisScripts scripts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WaitingRoom(RedisScripts scripts, Clock clock) {
        this.scripts = scripts;
        this.clock = clock;
    }

    /**
     * Puts a buyer in line: in the lobby before {@code opensAt}, at the end of the line after. A
     * buyer with a live entry gets it back when {@code clientKey} is the key it was made with, so a
     * browser that lost the answer may ask again; anyone else naming that buyer is refused.
     *
     * @param buyer     the buyer's identity (one live entry each)
     * @param clientKey a key the buyer's client keeps (an {@code Idempotency-Key}); null for none
     * @throws AlreadyQueuedException the buyer has a live entry made with another key
     * @throws SoldOutException       nothing is left to sell
     */
    public QueueEntry join(String performanceId, Instant opensAt, String buyer, String clientKey) {
        Objects.requireNonNull(buyer, "buyer");
        String[] keys = keys(performanceId);
        String queueId = performanceId + SEPARATOR + newSecret();
        List<Object> reply = run(Script.QUEUE_JOIN, keys, millis(clock.instant()), millis(opensAt), queueId, buyer,
                clientKey == null || clientKey.isEmpty() ? "" : sha256(clientKey), String.valueOf(lobbyKey()));
        QueueEntry entry = entry(performanceId, reply);
        scripts.connection().async().sadd(ROOMS_KEY, performanceId);
        return entry;
    }

    /** Where an entry stands now. */
    public QueueEntry status(String queueId) {
        String performanceId = performanceOf(queueId);
        return entry(performanceId, run(Script.QUEUE_STATUS, keys(performanceId), millis(clock.instant()), queueId));
    }

    /** {@link #status} without waiting, for callers that keep many reads in flight. */
    public CompletableFuture<QueueEntry> statusAsync(String queueId) {
        String performanceId;
        try {
            performanceId = performanceOf(queueId);
        } catch (BoxOfficeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return scripts.run(Script.QUEUE_STATUS, keys(performanceId), millis(clock.instant()), queueId)
                .thenApply(reply -> entry(performanceId, checked(reply)));
    }

    /** One round of admission for a performance (see {@code admit.lua}). */
    public AdmissionRound admit(String performanceId, Instant opensAt, AdmissionPolicy policy) {
        List<Object> r = run(Script.QUEUE_ADMIT, keys(performanceId), millis(clock.instant()), millis(opensAt),
                String.valueOf(policy.ratePerSecond()), String.valueOf(policy.burst()),
                String.valueOf(policy.admissionTime().toMillis()), String.valueOf(policy.roundLimit()));
        return new AdmissionRound(Integer.parseInt(text(r, 1)), number(r, 2), number(r, 3), number(r, 4), number(r, 5),
                number(r, 6), number(r, 7), Double.parseDouble(text(r, 8)), "1".equals(text(r, 9)), "1".equals(text(r, 10)),
                "1".equals(text(r, 11)));
    }

    /**
     * Keeps a live admission open at least until {@code until} and records whether the buyer holds
     * seats; answers when it now ends.
     *
     * @throws NotAdmittedException the entry was never admitted, its admission ended, or it bought
     */
    public Instant keepAdmitted(String queueId, Instant until, boolean holdingSeats) {
        String performanceId = performanceOf(queueId);
        List<Object> r = run(Script.QUEUE_KEEP, keys(performanceId), millis(clock.instant()), queueId, millis(until),
                holdingSeats ? "1" : "0");
        return Instant.ofEpochMilli(number(r, 1));
    }

    /** The buyer bought: the entry is done and its admission slot goes to the next in line. */
    public void finish(String queueId) {
        String performanceId = performanceOf(queueId);
        run(Script.QUEUE_FINISH, keys(performanceId), millis(clock.instant()), queueId);
    }

    /** The values every waiting buyer's position derives from. */
    public QueueView view(String performanceId) {
        List<Object> r = run(Script.QUEUE_VIEW, keys(performanceId), millis(clock.instant()));
        String lobby = text(r, 2);
        return new QueueView(number(r, 1), lobby.isEmpty() ? null : Long.parseLong(lobby), number(r, 3),
                Double.parseDouble(text(r, 4)), "1".equals(text(r, 5)), Instant.ofEpochMilli(number(r, 6)), "1".equals(text(r, 7)));
    }

    /** Performances that have had a waiting room. */
    public Set<String> rooms() {
        return scripts.connection().sync().smembers(ROOMS_KEY);
    }

    /** Forgets that a performance has a waiting room (its sale closed); its entries stay readable. */
    public void closeRoom(String performanceId) {
        scripts.connection().sync().srem(ROOMS_KEY, performanceId);
    }

    /** The performance an entry id belongs to. */
    public static String performanceOf(String queueId) {
        int cut = queueId == null ? -1 : queueId.lastIndexOf(SEPARATOR);
        if (cut <= 0) {
            throw new UnknownQueueEntryException("Not a waiting-room entry id: " + queueId);
        }
        return queueId.substring(0, cut);
    }

    /** The keys of a performance's waiting room, in the order its scripts expect them. */
    static String[] keys(String performanceId) {
        String[] seat;
        try {
            seat = RedisKeys.of(performanceId);
        } catch (UnknownPerformanceException e) {
            throw new UnknownQueueEntryException("No waiting room for " + performanceId);
        }
        String prefix = "bo:{perf:" + performanceId + "}:q:";
        return new String[] {prefix + "meta", prefix + "line", prefix + "entries", prefix + "buyers",
            prefix + "admitted", prefix + "holding", seat[0], seat[14]};
    }

    private QueueEntry entry(String performanceId, List<Object> r) {
        long admittedUntil = number(r, 5);
        String lobby = text(r, 9);
        return new QueueEntry(text(r, 1), performanceId, QueueState.valueOf(text(r, 2)), number(r, 3), number(r, 4),
                admittedUntil == 0 ? null : Instant.ofEpochMilli(admittedUntil), Instant.ofEpochMilli(number(r, 6)),
                Double.parseDouble(text(r, 7)), text(r, 8), lobby.isEmpty() ? null : Long.parseLong(lobby),
                "1".equals(text(r, 11)));
    }

    /** A random key in [0, 1): a lobby member's place is the order of these keys. */
    private double lobbyKey() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    private String newSecret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }

    private List<Object> run(Script script, String[] keys, String... args) {
        try {
            return checked(scripts.run(script, keys, args).join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static List<Object> checked(List<Object> reply) {
        if ("OK".equals(reply.get(0))) {
            return reply;
        }
        String code = text(reply, 1);
        throw switch (code) {
            case "ALREADY_QUEUED" -> new AlreadyQueuedException("This buyer already has a place in the waiting room");
            case "SOLD_OUT" -> new SoldOutException("The performance is sold out");
            case "UNKNOWN_QUEUE_ENTRY" -> new UnknownQueueEntryException("No waiting-room entry " + text(reply, 2));
            case "NOT_ADMITTED" -> new NotAdmittedException(code, "This place in line has not been admitted yet");
            case "ADMISSION_EXPIRED" -> new NotAdmittedException(code, "This admission has run out");
            case "ADMISSION_FINISHED" -> new NotAdmittedException(code, "This admission ended with a purchase");
            default -> new IllegalStateException("Waiting-room script answered " + reply);
        };
    }

    private static String text(List<Object> reply, int i) {
        return (String) reply.get(i);
    }

    private static long number(List<Object> reply, int i) {
        return Long.parseLong(text(reply, i));
    }

    private static String millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
