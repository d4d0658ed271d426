package com.boxoffice.core.queue;

import java.time.Instant;

/**
 * The shared values of a waiting room that every waiting buyer's position derives from, so one read
 * serves every watcher of the performance.
 *
 * @param served       places let through so far
 * @param lobbySize    places given to lobby members when the sale opened; null before it opened
 * @param inLine       entries ever placed in line (lobby included)
 * @param measuredRate admissions a second, as measured
 * @param soldOut      nothing is left to sell
 * @param opensAt      when the sale opens
 * @param stalled      nobody can be let through now: every free seat is spoken for by buyers admitted already
 */
public record QueueView(long served, Long lobbySize, long inLine, double measuredRate, boolean soldOut, Instant opensAt,
                        boolean stalled) {
}
