package com.boxoffice.server.online;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public online API ({@code boxoffice.online.*}).
 *
 * @param heartbeat      how often an open seat-change stream gets a comment line, so proxies keep it
 *                       open and a dead connection is noticed and dropped
 * @param streamTimeout  how long one seat-change stream stays open; then it is closed and the
 *                       browser reconnects with its {@code Last-Event-ID}, losing nothing
 * @param catchUpLimit   most changes a stream catches a late subscriber up with; one further
 *                       behind is told to reload the availability
 * @param maxUnsent      most events waiting for one slow subscriber; past that it is told to reload
 *                       and its stream is closed, so a stuck client cannot pile up memory
 * @param seatMapCacheSize how many seat maps (one per venue and price list) are kept serialised
 */
@ConfigurationProperties("boxoffice.online")
public record OnlineProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("1000") int catchUpLimit,
        @DefaultValue("1000") int maxUnsent,
        @DefaultValue("16") int seatMapCacheSize) {
}
