package com.boxoffice.server.online;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public online sale ({@code boxoffice.online.*}).
 *
 * @param admissionRate          buyers let through a second, per performance, over all servers
 * @param admissionBurst         most admissions saved up while nobody waited, let through at once later
 * @param admissionTime          how long an admitted buyer has to hold seats
 * @param admissionRoundEvery    how often this server runs admission rounds
 * @param admissionRoundLimit    most buyers one round lets through
 * @param holdGrace              how long an admission outlasts the buyer's hold, to pay at its last second
 * @param joinsPerMinute         queue joins one client address may make a minute
 * @param statusReadsPerSecond   queue status reads one client address may make a second
 * @param ticketKeys             folder of the ticket signing key pair (made on first start); every
 *                               server of one site needs the same pair, and door scanners its public key
 * @param cardLatencyMin         shortest time the simulated card gateway takes
 * @param cardLatencyMax         longest time the simulated card gateway takes
 * @param cardDeclineRate        share of cards the simulated gateway declines (other than the test cards)
 * @param cardTimeoutRate        share of charges the simulated gateway leaves unanswered (half of them charged)
 * @param cardLookupLag          how long the simulated gateway cannot say what became of a charge it left unanswered
 * @param cardAnswerTime         longest a charge may take to be answered; unanswered ones are settled after it
 * @param settleEvery            how often unanswered charges are settled and their sales completed
 * @param abandonedAfter         a sale left unpaid this long (longer than any hold) is unwound
 * @param heartbeat              how often an open seat-change stream gets a comment line, so proxies keep
 *                               it open and a dead connection is noticed and dropped
 * @param streamTimeout          how long one seat-change stream stays open; then it is closed and the
 *                               browser reconnects with its {@code Last-Event-ID}, losing nothing
 * @param catchUpLimit           most changes a stream catches a late subscriber up with; one further
 *                               behind is told to reload the availability
 * @param maxUnsent              most events waiting for one slow subscriber; past that it is told to
 *                               reload and its stream is closed, so a stuck client cannot pile up memory
 * @param seatMapCacheSize       how many seat maps (one per venue and price list) are kept serialised
 */
@ConfigurationProperties("boxoffice.online")
public record OnlineProperties(
        @DefaultValue("25") double admissionRate,
        @DefaultValue("25") int admissionBurst,
        @DefaultValue("10m") Duration admissionTime,
        @DefaultValue("250ms") Duration admissionRoundEvery,
        @DefaultValue("2000") int admissionRoundLimit,
        @DefaultValue("2m") Duration holdGrace,
        @DefaultValue("30") int joinsPerMinute,
        @DefaultValue("10") int statusReadsPerSecond,
        Path ticketKeys,
        @DefaultValue("200ms") Duration cardLatencyMin,
        @DefaultValue("900ms") Duration cardLatencyMax,
        @DefaultValue("0.03") double cardDeclineRate,
        @DefaultValue("0.01") double cardTimeoutRate,
        @DefaultValue("4s") Duration cardLookupLag,
        @DefaultValue("5s") Duration cardAnswerTime,
        @DefaultValue("2s") Duration settleEvery,
        @DefaultValue("1h") Duration abandonedAfter,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("1000") int catchUpLimit,
        @DefaultValue("1000") int maxUnsent,
        @DefaultValue("16") int seatMapCacheSize) {
}
