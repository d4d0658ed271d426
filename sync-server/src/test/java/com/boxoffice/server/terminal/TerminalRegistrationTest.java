package com.boxoffice.server.terminal;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

/**
 * Registering terminals and checking their credentials. A server of its own (a property only this
 * class sets), so its database starts without any terminal, as a new installation does; the
 * bootstrap test runs first, before the other makes a manager terminal.
 */
@TestPropertySource(properties = "boxoffice.sync.max-body-size=4MB")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TerminalRegistrationTest extends SyncTestBase {

    private static final String BOOTSTRAP = "bootstrap." + SyncFixture.BOOTSTRAP_TOKEN;

    @org.springframework.beans.factory.annotation.Autowired
    private com.boxoffice.core.staff.StaffDirectory staff;

    private List<String> terminals() {
        return fx.jdbc().queryForList("SELECT id || ' ' || kind || ' ' || active || ' ' || credential_hash FROM terminal ORDER BY id",
                String.class);
    }

    private SyncFixture.Response register(String credential, String staffId, String id, String kind) {
        return fx.send("POST", "/sync/v1/terminals", credential, staffId == null ? Map.of() : Map.of("X-Staff-Id", staffId),
                Map.of("id", id, "name", "Terminal " + id, "kind", kind));
    }

    @Test
    @Order(1)
    void theFirstManagerTerminalIsRegisteredWithTheBootstrapTokenAndRegistersTheRest() {
        // nothing registered yet: a wrong bootstrap token changes nothing
        assertThat(register("bootstrap.wrong", null, "desk", "MANAGER").status()).isEqualTo(401);
        assertThat(terminals()).isEmpty();

        SyncFixture.Response first = register(BOOTSTRAP, null, "desk", "MANAGER");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String desk = first.json().get("credential").asString();
        assertThat(desk).startsWith("desk.");
        assertThat(first.json().get("terminalId").asString()).isEqualTo("desk");
        // only the hash is stored
        assertThat(terminals()).singleElement().asString().doesNotContain(desk.substring(5))
                .contains(Credentials.hash(desk.substring(5)));

        // the bootstrap token has done its job once a manager terminal exists
        List<String> afterFirst = terminals();
        assertThat(register(BOOTSTRAP, null, "sneaky", "MANAGER").status()).isEqualTo(403);
        assertThat(terminals()).isEqualTo(afterFirst);

        staff.create("boss", "The Boss", StaffRole.MANAGER, "2468");
        staff.create("clerk1", "A Clerk", StaffRole.CLERK, "1357");
        // a manager terminal needs a manager named
        assertThat(register(desk, null, "window-1", "BOX_OFFICE").status()).isEqualTo(403);
        assertThat(register(desk, "clerk1", "window-1", "BOX_OFFICE").status()).isEqualTo(403);
        assertThat(register(desk, "nobody", "window-1", "BOX_OFFICE").status()).isEqualTo(403);
        assertThat(terminals()).isEqualTo(afterFirst);

        SyncFixture.Response window = register(desk, "boss", "window-1", "BOX_OFFICE");
        assertThat(window.status()).isEqualTo(201);
        String windowCredential = window.json().get("credential").asString();
        assertThat(fx.get("/sync/v1/catalog", windowCredential).status()).isEqualTo(200);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE kind = 'TERMINAL_REGISTERED' AND actor = 'boss@desk'"))
                .isEqualTo(1);

        // taken ids, bad bodies and non-manager terminals change nothing
        List<String> registered = terminals();
        SyncFixture.Response again = register(desk, "boss", "window-1", "KIOSK");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(register(desk, "boss", "has.dot", "KIOSK").status()).isEqualTo(400);
        assertThat(register(desk, "boss", "kiosk-1", "TOASTER").status()).isEqualTo(400);
        assertThat(register(windowCredential, "boss", "kiosk-1", "KIOSK").status()).isEqualTo(403);
        assertThat(terminals()).isEqualTo(registered);
    }

    @Test
    @Order(2)
    void forgedUnknownAndRevokedCredentialsAreRefusedAndChangeNothing() {
        SyncFixture.Manager manager = fx.manager();
        String id = fx.newTerminalId();
        String credential = fx.register(manager, id, TerminalKind.BOX_OFFICE);
        String perf = fx.newPerformance();
        List<String> before = terminals();

        String secret = credential.substring(credential.indexOf('.') + 1);
        String flipped = (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);
        assertThat(fx.get("/sync/v1/catalog", id + "." + flipped).status()).isEqualTo(401);
        assertThat(fx.get("/sync/v1/catalog", "ghost." + secret).status()).isEqualTo(401);
        assertThat(fx.get("/sync/v1/catalog", id).status()).isEqualTo(401);
        assertThat(fx.get("/sync/v1/catalog", null).status()).isEqualTo(401);
        assertThat(terminals()).isEqualTo(before);

        // revoked: 403 everywhere, and its sales are not taken
        assertThat(fx.send("POST", "/sync/v1/terminals/" + id + "/revoke", manager.credential(),
                Map.of("X-Staff-Id", manager.staffId()), null).status()).isEqualTo(204);
        List<String> revoked = terminals();
        assertThat(revoked).anySatisfy(t -> assertThat(t).startsWith(id + " BOX_OFFICE false"));
        SyncFixture.Response sync = fx.send("POST", "/sync/v1/batches", credential, Map.of(),
                SyncFixture.batch(id, List.of(sale(1, perf, "AT_RISK", "STALLS-A-1"))));
        assertThat(sync.status()).isEqualTo(403);
        assertThat(sync.contentType()).startsWith("application/problem+json");
        assertThat(fx.get("/sync/v1/performances/" + perf + "/snapshot", credential).status()).isEqualTo(403);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf)).isZero();
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE terminal_id = ?", id)).isZero();
        assertThat(terminals()).isEqualTo(revoked);
        // a box-office terminal cannot revoke anyone
        String other = fx.register(manager, fx.newTerminalId(), TerminalKind.BOX_OFFICE);
        assertThat(fx.send("POST", "/sync/v1/terminals/" + id + "/revoke", other, Map.of("X-Staff-Id", manager.staffId()), null)
                .status()).isEqualTo(403);
    }
}
