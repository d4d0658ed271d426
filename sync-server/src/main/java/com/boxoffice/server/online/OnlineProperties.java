package com.boxoffice.server.online;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public online API ({@code boxoffice.online.*}).
 *
 * @param seatMapCacheSize how many seat maps (one per venue and price list) are kept serialised
 */
@ConfigurationProperties("boxoffice.online")
public record OnlineProperties(
        @DefaultValue("16") int seatMapCacheSize) {
}
