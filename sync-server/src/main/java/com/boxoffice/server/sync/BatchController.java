package com.boxoffice.server.sync;

import java.lang.annotation.ElementType;

import org.hibernate.validator.HibernateValidator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.boxoffice.server.terminal.Caller;
import com.boxoffice.server.terminal.TerminalAuthentication;
import com.boxoffice.server.web.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** Where terminals upload the sales in their journals. */
@RestController
@RequestMapping("/sync/v1/batches")
public class BatchController implements DisposableBean {

    private final SyncService sync;
    /**
     * Checks a batch against the constraints declared on {@link Batch}, as the application's validator
     * would, without asking JPA whether each of a batch's thousands of values may be looked at, nor
     * keeping the answers (JPA is asked for entities that may not be loaded yet; a batch is plain data
     * read from the request).
     */
    private final ValidatorFactory batchValidation = Validation.byProvider(HibernateValidator.class).configure()
            .traversableResolver(new PlainData()).enableTraversableResolverResultCache(false).buildValidatorFactory();
    private final SpringValidatorAdapter batchValidator = new SpringValidatorAdapter(batchValidation.getValidator());

    public BatchController(SyncService sync) {
        this.sync = sync;
    }

    @InitBinder
    void validateBatchesAsPlainData(WebDataBinder binder) {
        binder.setValidator(batchValidator);
    }

    @PostMapping
    Batch.Answer upload(@Valid @RequestBody Batch batch, HttpServletRequest request) {
        Caller caller = TerminalAuthentication.caller(request);
        if (caller.terminalId() == null || !caller.terminalId().equals(batch.terminalId())) {
            throw ApiException.forbidden("A terminal may only upload its own sales; this batch says it is from "
                    + batch.terminalId() + ".");
        }
        return sync.apply(caller.terminalId(), batch);
    }

    @Override
    public void destroy() {
        batchValidation.close();
    }

    /** Every value of a batch may be read and cascaded into: it is all in memory. */
    private static final class PlainData implements TraversableResolver {

        @Override
        public boolean isReachable(Object object, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object object, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }
}
