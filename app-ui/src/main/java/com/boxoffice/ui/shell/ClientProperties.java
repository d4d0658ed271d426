package com.boxoffice.ui.shell;

import java.nio.file.Path;
import java.time.Duration;

import com.boxoffice.ui.kiosk.KioskExitPin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the client ({@code boxoffice.client.*} and {@code boxoffice.data-dir}).
 *
 * @param mode            box-office, kiosk or manager
 * @param terminalId      this terminal's id: written on every sale, shift and hold it makes
 * @param kioskIdleTimeout a kiosk with nobody touching it this long goes back to its start screen
 *                        and releases any hold
 * @param cardLatency     how long the simulated card terminal takes to answer
 * @param demo            demo venues, performances and staff accounts (clerk 1111, manager 9999)
 * @param syncUrl         the sync server this terminal delivers its sales to ({@code http://host:8080});
 *                        blank: none, the sales stay in the terminal's journal (demo mode)
 * @param syncCredential  this terminal's credential for the sync server, as registering the terminal
 *                        gave it ({@code terminalId.secret})
 * @param snapshotEvery   how often, while online, the terminal keeps a copy of each performance's seats
 *                        to sell from if the connection drops
 * @param kioskPin        the kiosk's own PIN (4 to 8 digits) that takes it out of kiosk mode, besides any
 *                        manager's; blank: managers' PINs only
 */
@ConfigurationProperties("boxoffice.client")
public record ClientProperties(
        @DefaultValue("box-office") String mode,
        @DefaultValue("window-1") String terminalId,
        @DefaultValue("90s") Duration kioskIdleTimeout,
        @DefaultValue("600ms") Duration cardLatency,
        @DefaultValue("true") boolean demo,
        @DefaultValue("") String syncUrl,
        @DefaultValue("") String syncCredential,
        @DefaultValue("15s") Duration snapshotEvery,
        @DefaultValue("") String kioskPin) {

    public ClientProperties {
        if (!syncUrl.isBlank() && syncCredential.isBlank()) {
            throw new IllegalArgumentException("boxoffice.client.sync-url is set but boxoffice.client.sync-credential is "
                    + "not: give the terminal's credential (terminalId.secret) as registering the terminal gave it");
        }
        KioskExitPin.check(kioskPin);
    }

    /** Whether sales are delivered to a sync server (else they stay in the journal). */
    public boolean hasSyncServer() {
        return !syncUrl.isBlank();
    }

    public ClientMode clientMode() {
        return ClientMode.parse(mode);
    }

    /** Where the terminal keeps its journal, its ticket files and its secrets. */
    public static Path dataDir(org.springframework.core.env.Environment environment) {
        return Path.of(environment.getRequiredProperty("boxoffice.data-dir"));
    }
}
