package com.boxoffice.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sync server ({@code boxoffice.sync.*}).
 *
 * @param bootstrapToken lets the very first terminal be registered as {@code Bearer bootstrap.<token>}
 *                       before any manager terminal exists; blank turns bootstrap off
 * @param maxBodySize    largest request body accepted; larger ones are refused with 413 unread
 * @param demoStaff      create the demonstration staff accounts at start (manager {@code manager},
 *                       clerk {@code clerk}), for trying the server out; never in production
 * @param demoCatalog    store the demo venues and performances at start, the same ones a client in
 *                       demo mode sells, so demo terminals' sales reconcile here; never in production
 */
@ConfigurationProperties("boxoffice.sync")
public record SyncProperties(
        @DefaultValue("") String bootstrapToken,
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("false") boolean demoStaff,
        @DefaultValue("false") boolean demoCatalog) {
}
