package com.boxoffice.server.sync;

import java.lang.annotation.ElementType;

import org.hibernate.validator.HibernateValidator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * Checks an uploaded body (a batch of sales or of refunds) against the constraints declared on its
 * records, as the application's validator would, without asking JPA whether each of a batch's
 * thousands of values may be looked at, nor keeping the answers (JPA is asked for entities that may
 * not be loaded yet; an upload is plain data read from the request).
 */
@Component
class PlainDataValidator implements DisposableBean {

    private final ValidatorFactory validation = Validation.byProvider(HibernateValidator.class).configure()
            .traversableResolver(new PlainData()).enableTraversableResolverResultCache(false).buildValidatorFactory();
    private final SpringValidatorAdapter validator = new SpringValidatorAdapter(validation.getValidator());

    /** The validator for a controller's {@code @InitBinder}. */
    Validator validator() {
        return validator;
    }

    @Override
    public void destroy() {
        validation.close();
    }

    /** Every value of an upload may be read and cascaded into: it is all in memory. */
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
