package com.boxoffice.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.SeatState;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.OfflinePolicy;
import com.boxoffice.core.sync.OfflineSnapshot;
import com.boxoffice.core.sync.OfflineSnapshotEntity;
import com.boxoffice.core.sync.OfflineSnapshotRepository;
import com.boxoffice.core.sync.TerminalLink;
import com.boxoffice.ui.common.ConnectionMonitor;
import com.boxoffice.ui.common.Fx;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Takes the terminal through an outage of the seat server and says what that means at the window:
 * when the connection goes, it switches selling to the terminal's own journal and the banner says
 * which seats can still be sold; when it is back, it claims the seats sold meanwhile on the live
 * map before selling online again, and says so for a moment.
 */
public class OfflineSelling implements ConnectionMonitor.Listener {

    private static final Logger log = LoggerFactory.getLogger(OfflineSelling.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    /** How long the note after a reconnect stays up. */
    static final Duration NOTICE_TIME = Duration.ofSeconds(20);
    private static final String CHECK = "Check the network cable or Wi-Fi; this banner goes away by itself when the "
            + "connection returns.";

    private final TerminalLink link;
    private final HoldStore holds;
    private final OfflineSnapshotRepository snapshots;
    private final String terminalId;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private PauseTransition noticeTimer;
    /** The banner as the outage began, before any note about a failed return. */
    private volatile String outage = "";
    /** What a refused hold means while offline; empty while online. */
    private volatile String offlineSeats = "";
    /** The last reason going back online failed, so a retry every ping logs it once. */
    private volatile String lastFailure = "";

    /** @param holds the terminal's hold store: while offline it answers from the terminal's own state */
    public OfflineSelling(TerminalLink link, HoldStore holds, OfflineSnapshotRepository snapshots, String terminalId,
                          ZoneId zone) {
        this.link = link;
        this.holds = holds;
        this.snapshots = snapshots;
        this.terminalId = terminalId;
        this.zone = zone;
    }

    /** True while the terminal sells from its own journal. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** What the banner says while offline: since when, and what can still be sold. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** A short note after the connection came back (what happened to the sales made offline); empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Why seats could not be held while offline, in words for the clerk; empty while online (a
     * refused hold then means someone else was quicker). Any thread.
     */
    public String offlineSeats() {
        return offlineSeats;
    }

    @Override
    public void lost(Instant since) {
        String start = "No connection to the seat server since " + TIME.format(since.atZone(zone)) + ": ";
        lastFailure = "";
        outage(start + "switching this terminal to selling from its own journal... " + CHECK);
        Offer offer;
        try {
            offer = offer(link.connectionLost());
        } catch (RuntimeException e) {
            log.warn("Could not load this terminal's own seat state to sell offline", e);
            offlineSeats = "This terminal is offline and could not open its own copy of the seat maps: nothing can be "
                    + "sold until the connection is back.";
            outage(start + "this terminal could not open its own copy of the seat maps (" + e.getMessage()
                    + "), so nothing can be sold until the connection is back; paid sales are safe in its journal. " + CHECK);
            return;
        }
        log.info("Selling offline: {} performances, {} allocated seats, at risk from {}", offer.performances(), offer.allocated(),
                offer.atRiskFrom());
        offlineSeats = offer.refusal();
        outage(start + "selling from this terminal's journal. " + offer.banner()
                + " Refunds, blocking and allocating wait for the connection. " + CHECK);
    }

    @Override
    public boolean back() {
        TerminalLink.Reconnected reconnected;
        try {
            reconnected = link.connectionBack();
        } catch (UnknownPerformanceException e) {
            failedBack("The seat server answers again but has lost its seat maps (" + e.getMessage()
                    + "); it must be rebuilt from the central database. This terminal keeps selling on its own until then.", e);
            return false;
        } catch (RuntimeException e) {
            failedBack("The seat server answers again, but this terminal could not hand over its offline sales yet ("
                    + e.getMessage() + "); it keeps selling on its own and tries again in a moment.", e);
            return false;
        }
        offlineSeats = "";
        lastFailure = "";
        outage = "";
        int claimed = reconnected.claimed();
        int clashed = reconnected.clashed().size();
        log.info("Back online: {} offline sales claimed on the live map, {} clash", claimed, clashed);
        String said = "";
        if (claimed > 0) {
            said = "Back online: " + sales(claimed, "made offline") + (claimed == 1 ? " is" : " are")
                    + " now sold on the live map.";
        }
        if (clashed > 0) {
            said = (said.isEmpty() ? "Back online. " : said + " ") + sales(clashed, "offline") + (clashed == 1 ? " clashes" : " clash")
                    + " with seats sold online meanwhile; the sync server will re-seat or refund "
                    + (clashed == 1 ? "that buyer." : "those buyers.");
        }
        String note = said;
        Fx.onFxThread(() -> {
            offline.set(false);
            banner.set("");
            showNotice(note);
        });
        return true;
    }

    private void failedBack(String why, RuntimeException e) {
        if (!why.equals(lastFailure)) {
            lastFailure = why;
            log.warn("Staying offline: {}", why, e);
        }
        String base = outage;
        show(true, base.isEmpty() ? why : base + " " + why);
    }

    private static String sales(int count, String what) {
        return count == 1 ? "1 sale " + what : count + " sales " + what;
    }

    /** What the terminal can sell from the performances it went offline with. */
    private Offer offer(List<String> ready) {
        Map<String, OfflineSnapshot> taken = snapshots.findByTerminalId(terminalId).stream()
                .map(OfflineSnapshotEntity::toSnapshot)
                .collect(Collectors.toMap(OfflineSnapshot::performanceId, Function.identity(), (a, b) -> a));
        long allocated = 0;
        Instant atRiskFrom = null;
        for (String performanceId : ready) {
            allocated += holds.availability(performanceId).count(SeatState.ALLOCATED);
            OfflineSnapshot snapshot = taken.get(performanceId);
            if (snapshot != null && snapshot.policy() == OfflinePolicy.AT_RISK_ALLOWED
                    && (atRiskFrom == null || snapshot.takenAt().isBefore(atRiskFrom))) {
                atRiskFrom = snapshot.takenAt();
            }
        }
        return new Offer(ready.size(), allocated, atRiskFrom == null ? null : MINUTES.format(atRiskFrom.atZone(zone)));
    }

    /** @param atRiskFrom when the oldest snapshot that allows selling at risk was taken; null when none does */
    private record Offer(int performances, long allocated, String atRiskFrom) {

        String banner() {
            if (performances == 0) {
                return "It has no copy of the seat maps to sell from (none was taken while it was online), so nothing "
                        + "can be sold until the connection is back; paid sales are safe in its journal.";
            }
            if (allocated == 0 && atRiskFrom == null) {
                return "No seats are allocated to this terminal, so nothing can be sold until the connection is back; "
                        + "paid sales are safe in its journal.";
            }
            String atRisk = "seats that were free at " + atRiskFrom + " (at risk: if one was sold online meanwhile, the "
                    + "buyer is re-seated or refunded when this terminal syncs)";
            if (allocated == 0) {
                return "You can sell " + atRisk + ".";
            }
            return "You can sell the " + seats(allocated) + " allocated to this terminal (shown \u25C6 on the map)"
                    + (atRiskFrom == null ? "." : " and " + atRisk + ".");
        }

        String refusal() {
            if (allocated == 0 && atRiskFrom == null) {
                return "This terminal is offline and has no seats it may sell on its own: wait for the connection to "
                        + "come back.";
            }
            return "This terminal is offline: it can sell only "
                    + (allocated == 0 ? "" : "the seats allocated to it (\u25C6 on the map)")
                    + (allocated == 0 || atRiskFrom == null ? "" : " and ")
                    + (atRiskFrom == null ? "" : "seats that were free at " + atRiskFrom)
                    + ". Pick from those, or wait for the connection.";
        }

        private static String seats(long count) {
            return count == 1 ? "1 seat" : String.format("%,d seats", count);
        }
    }

    /** Shows the banner of an outage that is starting (not a failed return). */
    private void outage(String text) {
        outage = text;
        show(true, text);
    }

    private void show(boolean isOffline, String text) {
        Fx.onFxThread(() -> {
            offline.set(isOffline);
            banner.set(text);
            if (isOffline) {
                showNotice("");
            }
        });
    }

    /** FX thread. */
    private void showNotice(String text) {
        notice.set(text);
        if (noticeTimer == null) {
            noticeTimer = new PauseTransition(javafx.util.Duration.millis(NOTICE_TIME.toMillis()));
            noticeTimer.setOnFinished(e -> notice.set(""));
        }
        noticeTimer.stop();
        if (!text.isEmpty()) {
            noticeTimer.playFromStart();
        }
    }
}
