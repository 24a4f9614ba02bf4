package org.carequeue.web.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carequeue.web.security.RateLimits.Limit;

/**
 * A resource method limited per client address and, when the caller sends a bearer token, per
 * token ({@link RateLimitFilter}); over the limit it answers 429 {@code rate_limited} with
 * {@code Retry-After} and does nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    Limit perAddress();

    /** The limit per bearer token, if any. */
    Limit[] perToken() default {};
}
