package com.boxoffice.server.terminal;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.shared.AuditEventEntity;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.terminal.TerminalEntity;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.server.web.ApiException;

/** Registers and revokes terminals; each change is audited under the manager who made it. */
@Service
public class TerminalService {

    private final TerminalRepository terminals;
    private final AuditEventRepository audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TerminalService(TerminalRepository terminals, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        this.terminals = terminals;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A registered terminal and the credential it signs in with, shown only here. */
    public record Registered(String terminalId, String credential) {
    }

    public Registered register(Caller caller, String id, String name, TerminalKind kind) {
        if (caller == Caller.BOOTSTRAP && !terminals.findByKindAndActiveTrueOrderByName(TerminalKind.MANAGER).isEmpty()) {
            throw ApiException.forbidden("A manager terminal exists: register further terminals from it, not with the bootstrap token.");
        }
        String secret = Credentials.newSecret();
        try {
            tx.executeWithoutResult(status -> {
                if (terminals.existsById(id)) {
                    throw ApiException.conflict("terminal-exists", "Terminal " + id + " is already registered; pick another id.");
                }
                terminals.saveAndFlush(TerminalEntity.register(id, name, kind, Credentials.hash(secret), clock.instant()));
                audit.save(AuditEventEntity.record(clock.instant(), caller.actor(), "TERMINAL_REGISTERED", "terminal:" + id,
                        "{\"kind\":\"" + kind + "\"}"));
            });
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("terminal-exists", "Terminal " + id + " is already registered; pick another id.");
        }
        return new Registered(id, id + "." + secret);
    }

    public void revoke(Caller caller, String id) {
        tx.executeWithoutResult(status -> {
            TerminalEntity terminal = terminals.findById(id)
                    .orElseThrow(() -> ApiException.notFound("No terminal " + id + "."));
            if (terminal.isActive()) {
                terminal.deactivate();
                terminals.save(terminal);
                audit.save(AuditEventEntity.record(clock.instant(), caller.actor(), "TERMINAL_REVOKED", "terminal:" + id, null));
            }
        });
    }
}
