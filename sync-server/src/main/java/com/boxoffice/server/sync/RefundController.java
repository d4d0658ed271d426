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

/** Where terminals deliver the refunds and exchanges in their journals. */
@RestController
@RequestMapping("/sync/v1/refunds")
public class RefundController {

    private final RefundService refunds;
    /** Checks a batch against the constraints declared on {@link RefundBatch} as the plain data it is. */
    private final PlainDataValidator validation;

    public RefundController(RefundService refunds, PlainDataValidator validation) {
        this.refunds = refunds;
        this.validation = validation;
    }

    @InitBinder
    void validateBatchesAsPlainData(WebDataBinder binder) {
        binder.setValidator(validation.validator());
    }

    @PostMapping
    RefundBatch.Answer deliver(@Valid @RequestBody RefundBatch batch, HttpServletRequest request) {
        return refunds.apply(TerminalAuthentication.ownTerminal(request, batch.terminalId(), "refunds"), batch);
    }
}
