package org.carequeue.audience;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.carequeue.agent.Agent;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Tokens;
import org.carequeue.queue.QueueAccess;

/**
 * Loads an audience for whoever asks, and only for them: the customer with its token, the agent
 * who holds it, or a member of its queue. Anyone else learns nothing (404). Audiences about to
 * change are locked until the transaction ends.
 */
@Dependent
public class AudienceAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueAccess queues;

    /** The customer's own audience, locked. */
    public Audience forCustomer(String audienceId, String customerToken) {
        requireToken(customerToken);
        Audience audience = locked(audienceId);
        if (!audience.hasCustomerToken(customerToken)) {
            throw notFound();
        }
        return audience;
    }

    /** The audience a customer token belongs to (how a socket learns which audience it serves). */
    public Audience byCustomerToken(String customerToken) {
        requireToken(customerToken);
        return em.createQuery("select a from Audience a where a.customerTokenHash = :hash", Audience.class)
                .setParameter("hash", Tokens.hash(customerToken))
                .getResultStream().findFirst().orElseThrow(AudienceAccess::notFound);
    }

    /** An audience the agent holds, locked; the caller then checks what it wants to do. */
    public Audience forHolder(String audienceId, Agent agent) {
        Audience audience = locked(audienceId);
        if (!audience.organizationId().equals(agent.organizationId())) {
            throw notFound();
        }
        audience.requireHeldBy(agent.id());
        return audience;
    }

    /** Read access for the holder or any member of the audience's queue; not locked. */
    public Audience forReader(String audienceId, Agent agent) {
        Audience audience = audienceId == null ? null : em.find(Audience.class, audienceId);
        if (audience == null || !audience.organizationId().equals(agent.organizationId())) {
            throw notFound();
        }
        if (!agent.id().equals(audience.agentId())) {
            queues.forMember(audience.queueId(), agent);
        }
        return audience;
    }

    /** Locked for a state change; the lock is the database's answer to racing pickers. */
    public Audience locked(String audienceId) {
        Audience audience = audienceId == null ? null
                : em.find(Audience.class, audienceId, LockModeType.PESSIMISTIC_WRITE);
        if (audience == null) {
            throw notFound();
        }
        return audience;
    }

    private static void requireToken(String customerToken) {
        if (customerToken == null || !customerToken.startsWith(Tokens.CUSTOMER_PREFIX)) {
            throw new BusinessException(ErrorCode.NOT_AUTHENTICATED, "A customer token is required");
        }
    }

    static BusinessException notFound() {
        return new BusinessException(ErrorCode.AUDIENCE_NOT_FOUND, "No such audience");
    }
}
