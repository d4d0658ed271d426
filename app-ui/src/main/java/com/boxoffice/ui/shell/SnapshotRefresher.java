package com.boxoffice.ui.shell;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.boxoffice.core.sync.TerminalLink;
import com.boxoffice.ui.common.BackgroundLoop;
import com.boxoffice.ui.demo.DemoCatalog;

/**
 * Keeps, while the terminal is online, a fresh copy of the seats of every performance it sells:
 * what it sells from when the connection drops. The first copy is taken as soon as the client is up
 * (after the catalog has put its performances in the live state), then one every few seconds.
 */
public class SnapshotRefresher implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);

    private final TerminalLink link;
    private final DemoCatalog catalog;
    private final BackgroundLoop loop;
    private String lastFailure = "";

    public SnapshotRefresher(TerminalLink link, DemoCatalog catalog, Duration every) {
        this.link = link;
        this.catalog = catalog;
        this.loop = new BackgroundLoop("offline-snapshots", every, () -> {
            if (!link.isOffline()) {
                refresh();
            }
        });
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    private void refresh() {
        try {
            List<String> performanceIds = catalog.install().stream().map(s -> s.performance().id()).toList();
            if (link.hasUnclaimedOfflineSales()) {
                // sales made offline before a restart: put them on the live map before any new snapshot
                TerminalLink.Reconnected claimed = link.connectionBack();
                log.info("Claimed {} sales made offline before the restart in the live seat state ({} clashed)",
                        claimed.claimed(), claimed.clashed().size());
            }
            int taken = link.refreshSnapshots(performanceIds);
            log.debug("Kept {} of {} performances to sell from offline", taken, performanceIds.size());
            lastFailure = "";
        } catch (RuntimeException e) {
            // the seat server is away (the connection monitor deals with that) or the performance is not loaded
            if (!e.toString().equals(lastFailure)) {
                lastFailure = e.toString();
                log.warn("Could not keep a copy of the seat maps for offline selling: {}", lastFailure);
            }
        }
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        loop.close();
    }
}
