package org.carequeue.audience;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.carequeue.agent.Agent;
import org.carequeue.platform.NotAuthenticated;
import org.carequeue.platform.QueryShapes;
import org.carequeue.platform.Tokens;
import org.carequeue.queue.QueueAccess;

/**
 * Loads an audience for whoever asks, and only for them: the customer with its token, the agent
 * who holds it, or (while the customer waits) a member of its queue. Anyone else learns nothing
 * (404). Access is checked before an audience is locked for a change, so a stranger cannot even
 * make others wait.
 */
@Dependent
public class AudienceAccess {

    /** EclipseLink's hint to overwrite the managed instances with the rows a query returns. */
    private static final String REFRESH = "eclipselink.refresh";

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueAccess queues;

    /** The customer's own audience, to read. */
    public Audience forCustomer(String audienceId, String customerToken) {
        requireToken(customerToken);
        Audience audience = find(audienceId);
        if (!audience.hasCustomerToken(customerToken)) {
            throw new AudienceNotFound();
        }
        return audience;
    }

    /** The customer's own audience, locked for a change. */
    public Audience forCustomerToChange(String audienceId, String customerToken) {
        return lock(forCustomer(audienceId, customerToken));
    }

    /** The audience a customer token belongs to (how a socket learns which audience it serves). */
    public Audience byCustomerToken(String customerToken) {
        requireToken(customerToken);
        return em.createQuery("select a from Audience a where a.customerTokenHash = :hash", Audience.class)
                .setParameter("hash", Tokens.hash(customerToken))
                .getResultStream().findFirst().orElseThrow(AudienceNotFound::new);
    }

    /** An audience the agent holds, locked for a change. */
    public Audience forHolder(String audienceId, Agent agent) {
        Audience audience = lock(heldBy(audienceId, agent));
        // Checked again on the row as locked: a transfer may have committed in between.
        audience.requireHeldBy(agent.id());
        return audience;
    }

    /** An audience the agent holds, not locked: {@link #lockFree} follows. */
    public Audience heldBy(String audienceId, Agent agent) {
        Audience audience = find(audienceId);
        if (!audience.organizationId().equals(agent.organizationId())) {
            throw new AudienceNotFound();
        }
        audience.requireHeldBy(agent.id());
        return audience;
    }

    /**
     * Reads these audiences with one query, so that the access checks that follow find them
     * without one query each (the persistence context holds them for the transaction).
     */
    public void load(Collection<String> audienceIds) {
        List<String> ids = audienceIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            em.createQuery("select a from Audience a where a.id in :ids", Audience.class)
                    .setParameter("ids", QueryShapes.padded(ids)).getResultList();
        }
    }

    /**
     * Locks those of these audiences (access checked) that no other transaction holds, with one
     * query, re-reads them (a change starts from the committed state, as after {@link #lock}) and
     * returns their ids. It never waits: an audience another transaction holds (a pick, a file being
     * scaled, retention) is left to the caller, so a batch of changes neither waits behind one row
     * nor joins a circle of waits.
     */
    public Set<String> lockFree(Collection<Audience> audiences) {
        List<String> ids = QueryShapes.padded(audiences.stream().map(Audience::id).distinct().toList());
        String placeholders = IntStream.rangeClosed(1, ids.size()).mapToObj(i -> "?" + i)
                .collect(Collectors.joining(", "));
        Query query = em.createNativeQuery("select * from audience where id in (" + placeholders + ")"
                + " for update skip locked", Audience.class).setHint(REFRESH, "true");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        return ((List<?>) query.getResultList()).stream().map(locked -> ((Audience) locked).id())
                .collect(Collectors.toSet());
    }

    /**
     * Read access for agents: the holder, always; other members of the queue only while the
     * customer waits (to decide whom to pick). Others' conversations stay private.
     */
    public Audience forReader(String audienceId, Agent agent) {
        Audience audience = find(audienceId);
        if (!audience.organizationId().equals(agent.organizationId())) {
            throw new AudienceNotFound();
        }
        if (!agent.id().equals(audience.agentId())) {
            queues.forMember(audience.queueId(), agent);
            if (!audience.state().isWaiting()) {
                audience.requireHeldBy(agent.id());
            }
        }
        return audience;
    }

    /**
     * What belongs to the audience beyond its conversation (tags, notes): for its holder and for
     * the members of its queue, in any state. Another organization's audience is not found (404);
     * a colleague outside the queue is refused (403).
     */
    public Audience forQueueMember(String audienceId, Agent agent) {
        Audience audience = find(audienceId);
        if (!audience.organizationId().equals(agent.organizationId())) {
            throw new AudienceNotFound();
        }
        if (!agent.id().equals(audience.agentId())) {
            queues.forMember(audience.queueId(), agent);
        }
        return audience;
    }

    /**
     * An audience whose tags or notes a queue member (or its holder) changes: locked, so the change
     * and the completion timer or "end and hide" take turns, and refused once it is complete.
     */
    public Audience forWrapUp(String audienceId, Agent agent) {
        Audience audience = lock(forQueueMember(audienceId, agent));
        audience.requireOpenForWrapUp();
        return audience;
    }

    /** A chosen audience of this queue, locked for picking; any other id is not found. */
    public Audience inQueueToChange(String audienceId, String queueId) {
        Audience audience = find(audienceId);
        if (!audience.queueId().equals(queueId)) {
            throw new AudienceNotFound();
        }
        return lock(audience);
    }

    /** Locked for a state change; the lock is the database's answer to racing pickers. */
    public Audience locked(String audienceId) {
        Audience audience = audienceId == null ? null
                : em.find(Audience.class, audienceId, LockModeType.PESSIMISTIC_WRITE);
        if (audience == null) {
            throw new AudienceNotFound();
        }
        return audience;
    }

    /** Takes the row lock and re-reads the row, so the change starts from the committed state. */
    Audience lock(Audience audience) {
        em.refresh(audience, LockModeType.PESSIMISTIC_WRITE);
        return audience;
    }

    private Audience find(String audienceId) {
        Audience audience = audienceId == null ? null : em.find(Audience.class, audienceId);
        if (audience == null) {
            throw new AudienceNotFound();
        }
        return audience;
    }

    private static void requireToken(String customerToken) {
        if (customerToken == null || !customerToken.startsWith(Tokens.CUSTOMER_PREFIX)) {
            throw new NotAuthenticated("A customer token is required");
        }
    }
}
