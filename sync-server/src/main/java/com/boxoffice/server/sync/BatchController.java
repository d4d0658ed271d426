package com.boxoffice.server.sync;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.server.terminal.TerminalAuthentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** Where terminals upload the sales in their journals. */
@RestController
@RequestMapping("/sync/v1/batches")
public class BatchController {

    private final SyncService sync;
    /** Checks a batch against the constraints declared on {@link Batch} as the plain data it is. */
    private final PlainDataValidator validation;

    public BatchController(SyncService sync, PlainDataValidator validation) {
        this.sync = sync;
        this.validation = validation;
    }

    @InitBinder
    void validateBatchesAsPlainData(WebDataBinder binder) {
        binder.setValidator(validation.validator());
    }

    @PostMapping
    Batch.Answer upload(@Valid @RequestBody Batch batch, HttpServletRequest request) {
        return sync.apply(TerminalAuthentication.ownTerminal(request, batch.terminalId(), "sales"), batch);
    }
}
