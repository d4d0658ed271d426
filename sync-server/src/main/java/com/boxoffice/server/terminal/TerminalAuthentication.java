package com.boxoffice.server.terminal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.web.servlet.HandlerInterceptor;

import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffMember;
import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.core.terminal.TerminalEntity;
import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.server.config.SyncProperties;
import com.boxoffice.server.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the credential of every sync call before its body is read, so a caller that is not who it
 * says never gets as far as having its request parsed, let alone applied. Unknown terminal, wrong
 * secret or a header that is not a credential: 401. A revoked terminal: 403. Management calls
 * (terminals, conflicts, blocking and allocating seats) need a manager terminal and
 * {@code X-Staff-Id} naming an active manager, or the bootstrap token while it is configured.
 * Nothing here changes any state.
 */
public class TerminalAuthentication implements HandlerInterceptor {

    public static final String CALLER = TerminalAuthentication.class.getName() + ".caller";
    public static final String STAFF_HEADER = "X-Staff-Id";
    private static final String BOOTSTRAP_ID = "bootstrap";

    private final TerminalRepository terminals;
    private final StaffDirectory staff;
    private final SyncProperties properties;

    public TerminalAuthentication(TerminalRepository terminals, StaffDirectory staff, SyncProperties properties) {
        this.terminals = terminals;
        this.staff = staff;
        this.properties = properties;
    }

    /** The caller of a request this interceptor let through. */
    public static Caller caller(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(CALLER);
        if (caller == null) {
            throw ApiException.unauthorized("No credential was checked for this request.");
        }
        return caller;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Credentials.Presented presented = Credentials.parse(request.getHeader("Authorization"));
        if (presented == null) {
            throw ApiException.unauthorized("Send the terminal's credential as 'Authorization: Bearer <terminalId>.<secret>'.");
        }
        boolean management = isManagement(request);
        if (BOOTSTRAP_ID.equals(presented.id())) {
            if (!bootstrapMatches(presented.secret())) {
                throw ApiException.unauthorized("The bootstrap token is wrong or bootstrap is turned off.");
            }
            if (!management) {
                throw ApiException.forbidden("The bootstrap token may only register terminals.");
            }
            request.setAttribute(CALLER, Caller.BOOTSTRAP);
            return true;
        }
        Optional<TerminalEntity> found = terminals.findById(presented.id());
        // The hash is compared even for an unknown terminal, so timing does not tell which ids exist.
        String storedHash = found.map(TerminalEntity::getCredentialHash).orElse(Credentials.hash("no such terminal"));
        boolean secretOk = Credentials.matches(presented.secret(), storedHash);
        if (found.isEmpty() || !secretOk) {
            throw ApiException.unauthorized("The credential is not valid; register the terminal again to get a new one.");
        }
        TerminalEntity terminal = found.get();
        if (!terminal.isActive()) {
            throw ApiException.forbidden("terminal-revoked",
                    "Terminal " + terminal.getId() + " has been revoked; ask a manager to register it again.");
        }
        String staffId = null;
        if (management) {
            if (terminal.getKind() != TerminalKind.MANAGER) {
                throw ApiException.forbidden("not-a-manager-terminal", "Only a manager terminal may do this.");
            }
            staffId = request.getHeader(STAFF_HEADER);
            if (staffId == null || staffId.isBlank()) {
                throw ApiException.forbidden("not-a-manager", "Name the signed-in manager in the " + STAFF_HEADER + " header.");
            }
            Optional<StaffMember> member = staff.find(staffId.strip());
            if (member.isEmpty() || !member.get().active() || member.get().role() != StaffRole.MANAGER) {
                throw ApiException.forbidden("not-a-manager", staffId.strip() + " is not an active manager.");
            }
            staffId = staffId.strip();
        }
        request.setAttribute(CALLER, new Caller(terminal.getId(), terminal.getKind(), staffId));
        return true;
    }

    /**
     * The calling terminal's id, for a batch that says which terminal it comes from: refused (403,
     * nothing applied) when that is another terminal, or when the caller is not a terminal.
     *
     * @param what what the batch holds, for the refusal: "sales", "refunds"
     */
    public static String ownTerminal(HttpServletRequest request, String claimed, String what) {
        Caller caller = caller(request);
        if (caller.terminalId() == null || !caller.terminalId().equals(claimed)) {
            throw ApiException.forbidden("A terminal may only deliver its own " + what + "; this batch says it is from "
                    + claimed + ".");
        }
        return caller.terminalId();
    }

    private boolean bootstrapMatches(String secret) {
        String token = properties.bootstrapToken();
        if (token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(Credentials.hash(secret).getBytes(StandardCharsets.US_ASCII),
                Credentials.hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isManagement(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/sync/v1/terminals") || path.startsWith("/sync/v1/conflicts")
                || path.startsWith("/sync/v1/performances/") && path.endsWith("/seats");
    }
}
