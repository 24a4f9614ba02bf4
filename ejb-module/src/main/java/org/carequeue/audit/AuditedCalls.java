package org.carequeue.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;

/** Writes the audit entry of an {@link Audited} method once it returned without a refusal. */
// Binds to every @Audited method; the kind (not binding) is read from the method.
@Audited(AuditKind.SIGNED_IN)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedCalls {

    @Inject
    Callers callers;

    @Inject
    AuditTrail auditTrail;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        Object result = call.proceed();
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        Agent actor = callers.current();
        // A method without parameters has none (the container gives null, not an empty array).
        Object[] parameters = call.getParameters() == null ? new Object[0] : call.getParameters();
        String subject = Arrays.stream(parameters).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
        auditTrail.record(actor.organizationId(), audited.value(), actor.id(), actor.displayName(), subject);
        return result;
    }
}
