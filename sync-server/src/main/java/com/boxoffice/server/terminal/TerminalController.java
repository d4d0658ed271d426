package com.boxoffice.server.terminal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Terminal registration and revocation (manager terminals, or the bootstrap token for the first). */
@RestController
@RequestMapping("/sync/v1/terminals")
public class TerminalController {

    private final TerminalService service;

    public TerminalController(TerminalService service) {
        this.service = service;
    }

    /** A terminal to register. Ids are what credentials and Redis tallies carry: no dots, no spaces. */
    public record Registration(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "letters, digits, '-' and '_', at most 64") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull TerminalKind kind) {
    }

    @PostMapping
    ResponseEntity<TerminalService.Registered> register(@Valid @RequestBody Registration body, HttpServletRequest request) {
        if ("bootstrap".equals(body.id())) {
            throw ApiException.badRequest("reserved-id", "The id 'bootstrap' is reserved; pick another.");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(service.register(TerminalAuthentication.caller(request), body.id(), body.name().strip(), body.kind()));
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String id, HttpServletRequest request) {
        Caller caller = TerminalAuthentication.caller(request);
        if (caller == Caller.BOOTSTRAP) {
            throw ApiException.forbidden("The bootstrap token may only register terminals.");
        }
        service.revoke(caller, id);
        return ResponseEntity.noContent().build();
    }
}
