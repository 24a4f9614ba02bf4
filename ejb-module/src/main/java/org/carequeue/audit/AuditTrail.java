package org.carequeue.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.carequeue.agent.Agent;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.queue.Queue;

/**
 * Writes audit entries in the transaction of what they record: called by boundaries, by
 * {@link AuditedCalls}, and for picks and transfers observing their events. Only ever reached from
 * inside a boundary's transaction, so it is a plain CDI bean, not an EJB: an EJB observer makes the
 * container create a session bean reference and check security and the transaction on every
 * event, about a tenth of a pick's server CPU with the webhook outbox's (docs/benchmarks.md).
 * The operators read the log through {@link AuditLog}.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    /** Records one entry in the caller's transaction. */
    public void record(String organizationId, AuditKind kind, String actorId, String actorName, String subject) {
        em.persist(new AuditEntry(organizationId, kind, actorId, actorName, subject));
    }

    void picked(@Observes AudienceAccepted event) {
        record(event.organizationId(), AuditKind.PICKED, event.agentId(), event.agentName(), event.audienceId());
    }

    void transferred(@Observes AudienceTransferred event) {
        Agent agent = em.find(Agent.class, event.agentId());
        Queue target = em.find(Queue.class, event.toQueueId());
        record(event.organizationId(), AuditKind.TRANSFERRED, agent.id(), agent.displayName(),
                event.audienceId() + " to " + target.name());
    }
}
