package com.boxoffice.server.catalog;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** What a terminal downloads before it goes offline: the catalog and each performance's seats. */
class CatalogDownloadTest extends SyncTestBase {

    @Test
    void theCatalogListsVenuesPerformancesAndPrices() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.KIOSK);

        SyncFixture.Response r = fx.get("/sync/v1/catalog", credential);

        assertThat(r.status()).isEqualTo(200);
        JsonNode catalog = r.json();
        assertThat(catalog.get("venues").toString()).contains("sync-test-house");
        JsonNode performance = null;
        for (JsonNode p : catalog.get("performances")) {
            if (p.get("id").asString().equals(perf)) {
                performance = p;
            }
        }
        assertThat(performance).isNotNull();
        assertThat(performance.get("venueId").asString()).isEqualTo("sync-test-house");
        assertThat(performance.get("offlinePolicy").asString()).isEqualTo("AT_RISK_ALLOWED");
        assertThat(catalog.get("priceTiers").toString()).contains("\"performanceId\":\"" + perf + "\",\"category\":\"A\"")
                .contains("\"priceMinor\":6000");
        SyncFixture.Response plan = fx.get("/sync/v1/venues/sync-test-house/plan", credential);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body()).contains("\"id\": \"STALLS\"");
    }

    @Test
    void aSnapshotGivesEverySeatsStateAndTheSeatsAllocatedToTheCaller() {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        String terminal = fx.newTerminalId();
        String credential = fx.register(manager, terminal, TerminalKind.BOX_OFFICE);
        String other = fx.newTerminalId();
        fx.allocate(perf, terminal, "STALLS-E-11", "STALLS-E-12");
        fx.allocate(perf, other, "STALLS-E-1");
        fx.upload(credential, terminal, List.of(sale(1, perf, "ALLOCATED", "STALLS-E-12"), sale(2, perf, "AT_RISK", "STALLS-A-1")));

        SyncFixture.Response r = fx.get("/sync/v1/performances/" + perf + "/snapshot", credential);

        assertThat(r.status()).isEqualTo(200);
        JsonNode snapshot = r.json();
        String states = snapshot.get("states").asString();
        assertThat(states).hasSize(64).isEqualTo(fx.states(perf));
        assertThat(states.charAt(SyncFixture.seatIndex("STALLS-A-1"))).isEqualTo('S');
        assertThat(states.charAt(SyncFixture.seatIndex("STALLS-E-1"))).isEqualTo('A');
        assertThat(snapshot.get("allocatedToYou").toString()).isEqualTo("[\"STALLS-E-11\"]");
        assertThat(snapshot.get("feedId").asString()).isNotBlank();
        assertThat(snapshot.get("offlinePolicy").asString()).isEqualTo("AT_RISK_ALLOWED");
        assertThat(fx.get("/sync/v1/performances/nope/snapshot", credential).status()).isEqualTo(404);
    }
}
