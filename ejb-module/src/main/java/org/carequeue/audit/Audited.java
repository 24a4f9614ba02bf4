package org.carequeue.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boundary method whose successful call the audit log records, as {@link #value()} by the
 * signed-in caller, about the method's first text parameter (the id or name it acts on). The entry
 * is written in the call's transaction, so a change that rolls back leaves no entry either.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    @Nonbinding
    AuditKind value();
}
