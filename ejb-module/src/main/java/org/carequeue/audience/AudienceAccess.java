package org.carequeue.audience;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.platform.NotAuthenticated;
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
     * Who asks to change an audience: its customer, by their token, or the agent who holds it. Made
     * by {@link #customer} or {@link #holder}; the other field is null.
     */
    public record Claim(String audienceId, String customerTokenHash, String agentId) {

        public static Claim customer(String audienceId, String customerToken) {
            requireToken(customerToken);
            return new Claim(audienceId, Tokens.hash(customerToken), null);
        }

        public static Claim holder(String audienceId, Agent agent) {
            return new Claim(audienceId, null, agent.id());
        }
    }

    /**
     * Locks the audiences of these claims that their claimants may change and that no other
     * transaction holds, with one query that reads them too (as committed, the state a change starts
     * from, as after {@link #lock}), and returns them by id. The claim is part of the query's
     * condition, so no row is locked for anyone but its customer or its holder: access is checked
     * before the lock, as everywhere here. It never waits: an audience another transaction holds (a
     * pick, a file being scaled, retention) is left out, as is one the claim does not match, so a
     * batch of changes neither waits behind one row nor joins a circle of waits; whoever left out
     * goes the way of one change alone ({@link #forCustomerToChange}, {@link #forHolder}), which
     * answers why, or waits its turn.
     *
     * <p>The claims travel as three arrays, joined row by row ({@code unnest}, in PostgreSQL and
     * H2 alike), so the query has one text and three parameters for any number of claims. With
     * one {@code or} condition per claim, PostgreSQL took 3-12 ms to plan and run it for a batch of
     * 64 (a bitmap scan per claim; now under 1 ms, a lookup per claim), and EclipseLink parsed the
     * text and filed its 192 parameters one by one, in time that grows with the square of their
     * number: the query took 13 % of the node's CPU under sustained messages, 7 % now
     * (docs/benchmarks.md, 2026-12-06, eighth session).
     */
    public Map<String, Audience> lockFree(List<Claim> claims) {
        Query query = em.createNativeQuery("select a.* from audience a"
                        + " join unnest(?1, ?2, ?3) c(id, customer_token_hash, agent_id) on a.id = c.id"
                        + " and (a.customer_token_hash = c.customer_token_hash or a.agent_id = c.agent_id)"
                        + " for update of a skip locked", Audience.class)
                .setHint(REFRESH, "true")
                .setParameter(1, claims.stream().map(Claim::audienceId).toArray(String[]::new))
                .setParameter(2, claims.stream().map(Claim::customerTokenHash).toArray(String[]::new))
                .setParameter(3, claims.stream().map(Claim::agentId).toArray(String[]::new));
        // Two claims on one audience would join its row twice; a batch has one per audience, but the first is kept.
        return ((List<?>) query.getResultList()).stream().map(Audience.class::cast)
                .collect(Collectors.toMap(Audience::id, Function.identity(), (first, again) -> first));
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
