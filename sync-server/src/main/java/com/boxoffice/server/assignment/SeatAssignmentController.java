package com.boxoffice.server.assignment;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.server.terminal.TerminalAuthentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Managers block and unblock seats of a performance, and allocate them to terminals or take them back. */
@RestController
@RequestMapping("/sync/v1/performances")
public class SeatAssignmentController {

    private final SeatAssignmentService assignments;

    public SeatAssignmentController(SeatAssignmentService assignments) {
        this.assignments = assignments;
    }

    /**
     * What a manager asks for.
     *
     * @param reason     why the seats are blocked; required for BLOCK
     * @param terminalId the terminal the seats are allocated to or taken from; required for ALLOCATE and DEALLOCATE
     */
    public record Request(
            @NotNull SeatAssignmentService.Action action,
            @NotNull @Size(min = 1, max = SeatAssignmentService.MAX_SEATS) List<@NotBlank @Size(max = 64) String> seatIds,
            @Size(max = SeatAssignmentService.MAX_REASON) String reason,
            @Size(max = 64) String terminalId) {
    }

    @PostMapping("/{performanceId}/seats")
    SeatAssignmentService.Answer seats(@PathVariable String performanceId, @Valid @RequestBody Request body,
                                       HttpServletRequest request) {
        return assignments.apply(TerminalAuthentication.caller(request), performanceId, body.action(), body.seatIds(),
                body.reason(), body.terminalId());
    }
}
