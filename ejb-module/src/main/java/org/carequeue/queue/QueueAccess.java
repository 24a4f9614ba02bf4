package org.carequeue.queue;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.carequeue.agent.Agent;
import org.carequeue.agent.CallerIdentity;
import org.carequeue.agent.Callers;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Databases;
import org.carequeue.platform.Forbidden;
import org.carequeue.security.Roles;

/**
 * Loads a queue the way a boundary may use it: another organization's queue does not exist for
 * the caller (404), and a queue of their own organization they are not a member of is 403.
 */
@Dependent
public class QueueAccess {

    @Inject
    Callers callers;

    @PersistenceContext
    EntityManager em;

    public Queue forMember(String queueId, Agent agent) {
        return forMember(queueId, agent.organizationId(), agent.id());
    }

    /** The same for a caller known by what authentication read of them ({@link Callers#identity()}). */
    public Queue forMember(String queueId, CallerIdentity caller) {
        return forMember(queueId, caller.organizationId(), caller.agentId());
    }

    private Queue forMember(String queueId, String organizationId, String agentId) {
        return requireMember(inOrganization(withMembers(queueId), organizationId), agentId);
    }

    /**
     * A member's queue, locked for a change: concurrent opens and closes queue up instead of
     * failing. Membership is checked again under the lock, against the committed member list.
     */
    public Queue forMemberToChange(String queueId, Agent agent) {
        return requireMember(lock(forMember(queueId, agent)), agent.id());
    }

    private static Queue requireMember(Queue queue, String agentId) {
        if (!queue.hasMember(agentId)) {
            throw new Forbidden("You are not a member of queue " + queue.name());
        }
        return queue;
    }

    /**
     * Members open and close their queues; operators (and keys that manage queues for one) every
     * queue of their organization.
     */
    public Queue forMemberOrOperatorToChange(String queueId, Agent agent) {
        return callers.hasOperatorRights(agent, Roles.QUEUE_MANAGER) ? forOperatorToChange(queueId, agent) : forMemberToChange(queueId, agent);
    }

    /** An operator reads any queue of their organization. */
    public Queue forOperator(String queueId, Agent operator) {
        return inOrganization(queueId, operator);
    }

    /** Operators manage every queue of their organization, member or not; locked for the change. */
    public Queue forOperatorToChange(String queueId, Agent operator) {
        return lock(inOrganization(queueId, operator));
    }

    Queue lock(Queue queue) {
        em.refresh(queue, LockModeType.PESSIMISTIC_WRITE);
        return queue;
    }

    /**
     * A queue a customer may join or be transferred to, read without a lock (the arrival is
     * stored first and admitted last, by {@link #admitNewcomer}) and with its members, whose desks
     * are told.
     */
    public Queue forNewRequest(String queueId) {
        return withMembers(queueId);
    }

    /**
     * Admits the newcomer this transaction has just put in the queue's line, or refuses it with
     * the reason a customer can be told (the transaction then rolls back). The queue's row stays
     * locked until the transaction ends, so that the capacity check and the newcomer's place cannot
     * interleave with another arrival or a change of the queue; the line is counted under the lock,
     * newcomer included, and a racing arrival counts it once it has committed.
     *
     * <p>The lock is taken last, once everything else the arrival writes is flushed, so arrivals
     * queue up on it only for the count and the commit. Taken first, it was held through the whole
     * arrival, and under load most connections waited for it (pick benchmark, docs/benchmarks.md,
     * eleventh session). Only the admission settings are read under it: a refresh of the queue
     * entity would read its members again too.
     *
     * <p>On PostgreSQL the lock is {@code for no key update}, the one an update of the row takes:
     * it excludes the same arrivals and changes as {@code for update}, but not the {@code key share}
     * lock that the foreign key of every activity log entry takes on its queue. With
     * {@code for update}, picks' log entries waited for the arrivals ahead of them (9.9 ms on
     * average in the pick benchmark, docs/benchmarks.md, ninth session). H2 has no such lock and
     * keeps {@code for update}.
     *
     * @return the newcomer's place in line
     */
    public int admitNewcomer(Queue queue) {
        em.flush();
        List<?> rows = em.createNativeQuery("select state, suspended, capacity, deleted_at from queue where id = ?1"
                        + (Databases.onPostgreSql(em) ? " for no key update" : " for update"))
                .setParameter(1, queue.id())
                .getResultList();
        Object[] locked = rows.isEmpty() ? null : (Object[]) rows.get(0);
        if (locked == null || locked[3] != null) {
            throw new QueueNotFound();
        }
        int line = waiting(queue.id());
        queue.admit(QueueState.valueOf((String) locked[0]), (Boolean) locked[1], ((Number) locked[2]).intValue(), line - 1);
        return line;
    }

    /**
     * The site a customer came through, checked against the queue: a site of the queue's
     * organization ({@code site_not_found} otherwise, whoever's it is) that offers the queue
     * ({@code queue_not_on_site}). Null or blank is no site. By name in JPQL: the site package
     * depends on this one, not the other way round.
     */
    public String requireOnSite(Queue queue, String siteKey) {
        if (siteKey == null || siteKey.isBlank()) {
            return null;
        }
        List<String> organization = em.createQuery("select s.organizationId from Site s where s.siteKey = :key",
                        String.class)
                .setParameter("key", siteKey).getResultList();
        if (organization.isEmpty() || !organization.get(0).equals(queue.organizationId())) {
            throw new BusinessException(ErrorCode.SITE_NOT_FOUND, "No such site");
        }
        long offered = em.createQuery("select count(s) from Site s join s.queueIds q where s.siteKey = :key"
                        + " and q = :queue", Long.class)
                .setParameter("key", siteKey)
                .setParameter("queue", queue.id())
                .getSingleResult();
        if (offered == 0) {
            throw new BusinessException(ErrorCode.QUEUE_NOT_ON_SITE, "The site does not offer queue " + queue.name());
        }
        return siteKey;
    }

    /** A queue a customer may leave their contact details in, whatever its state. */
    public Queue forCustomer(String queueId) {
        return byId(queueId);
    }

    private Queue byId(String queueId) {
        return existing(queueId == null ? null : em.find(Queue.class, queueId));
    }

    /**
     * The queue and its members with one query, not two: a member's access and an arrival's desk
     * push read the members anyway, and picks, arrivals and the desk's reads come through here.
     */
    private Queue withMembers(String queueId) {
        return existing(queueId == null ? null : em.createQuery(
                        "select q from Queue q left join fetch q.memberIds where q.id = :id", Queue.class)
                .setParameter("id", queueId)
                .getResultList().stream().findFirst().orElse(null));
    }

    private static Queue existing(Queue queue) {
        if (queue == null || queue.isDeleted()) {
            throw new QueueNotFound();
        }
        return queue;
    }

    /**
     * How many customers wait in the queue now. A waiting customer is a request, stored as an
     * audience in state REQUESTED that says so in its {@code waiting_in}: the one place the queue
     * package reads the audience table.
     */
    public int waiting(String queueId) {
        return line(queueId).length();
    }

    /** How many wait in the queue and since when the first in line has waited. */
    public WaitingLineLength line(String queueId) {
        Object[] row = em.createQuery("select count(a), min(a.requestedAt) from Audience a where a.waitingIn = :queue",
                        Object[].class)
                .setParameter("queue", queueId)
                .getSingleResult();
        return new WaitingLineLength(((Number) row[0]).intValue(), (OffsetDateTime) row[1]);
    }

    /** The queue as its members see it. */
    public QueueResponse view(Queue queue) {
        return view(queue, line(queue.id()));
    }

    public static QueueResponse view(Queue queue, WaitingLineLength line) {
        return new QueueResponse(queue.id(), queue.name(), queue.state().name(), queue.isSuspended(),
                queue.capacity(), line.length(), Clock.iso(line.firstSince()), queue.attachments().name(),
                queue.video().name(), queue.allowsScreenShare(), queue.transferTargetIds().stream().sorted().toList(),
                queue.metadataCollection().name(), queue.secureMetadata().name(), queue.transcriptRetentionDays());
    }

    private Queue inOrganization(String queueId, Agent agent) {
        return inOrganization(byId(queueId), agent.organizationId());
    }

    private static Queue inOrganization(Queue queue, String organizationId) {
        if (!queue.organizationId().equals(organizationId)) {
            throw new QueueNotFound();
        }
        return queue;
    }
}
