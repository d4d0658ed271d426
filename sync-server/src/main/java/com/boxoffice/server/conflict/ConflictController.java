package com.boxoffice.server.conflict;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.server.terminal.TerminalAuthentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sync conflicts for managers: what is open, and their decisions. */
@RestController
@RequestMapping("/sync/v1/conflicts")
public class ConflictController {

    private final ConflictService conflicts;

    public ConflictController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    public record Resolution(
            @NotNull ConflictService.Action action,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) String> seatIds,
            @Size(max = 1000) String note) {
    }

    @GetMapping
    List<Conflict> list(@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|RESOLVED", message = "OPEN or RESOLVED")
                        String status) {
        return conflicts.list(status);
    }

    @GetMapping("/{id}")
    Conflict get(@PathVariable String id) {
        return conflicts.get(id);
    }

    @PostMapping("/{id}/resolve")
    Conflict resolve(@PathVariable String id, @Valid @RequestBody Resolution body, HttpServletRequest request) {
        return conflicts.resolve(TerminalAuthentication.caller(request), id, body.action(), body.seatIds(), body.note());
    }
}
