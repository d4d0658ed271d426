package com.boxoffice.core.queue;

/**
 * What one round of admission did.
 *
 * @param admitted       buyers let through in this round
 * @param served         places let through so far
 * @param waiting        buyers still in line
 * @param withoutSeats   admitted buyers holding no seats yet (each counts against a free seat)
 * @param holding        admitted buyers holding seats
 * @param freeSeats      seats free at this moment
 * @param ranOut         admissions that ended unused in this round, their slots given to others
 * @param measuredRate   admissions a second, as measured
 * @param soldOut        nothing is left to sell
 * @param open           the sale has opened (before it, nobody is admitted)
 * @param stalled        buyers wait but every free seat is spoken for by buyers let through already
 */
public record AdmissionRound(int admitted, long served, long waiting, long withoutSeats, long holding, long freeSeats,
                             long ranOut, double measuredRate, boolean soldOut, boolean open, boolean stalled) {
}
