package org.carequeue.audience;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueLogPage;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.api.session.MeResponse;
import org.carequeue.organization.Organization;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueAccess;
import org.carequeue.queue.QueueLogEntry;
import org.carequeue.queue.WaitingLineLength;
import org.carequeue.security.Roles;

/** Read models of queues and the customers waiting in them: for customers, agents and the desk. */
@Stateless
public class WaitingLines {

    /** More open conversations than an agent can keep apart are not shown in the sidebar. */
    private static final int MAX_CONVERSATIONS = 100;
    private static final int MAX_LOG_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    /** The queues of an organization as a customer may see them. */
    @PermitAll
    public List<PublicQueueResponse> publicQueues(String organizationId) {
        if (organizationId == null || em.find(Organization.class, organizationId) == null) {
            throw new BusinessException(ErrorCode.ORGANIZATION_NOT_FOUND, "No such organization");
        }
        List<Queue> all = em.createQuery("select q from Queue q where q.organizationId = :org and q.deletedAt is null"
                                + " order by q.name",
                        Queue.class)
                .setParameter("org", organizationId)
                .getResultList();
        Map<String, WaitingLineLength> lengths = lengths(organizationId);
        Instant now = Clock.now().toInstant();
        return all.stream().map(q -> {
            int length = lengths.getOrDefault(q.id(), WaitingLineLength.EMPTY).length();
            String nextOpenAt = q.nextScheduledOpening(now).map(at -> Clock.iso(at.atOffset(ZoneOffset.UTC))).orElse(null);
            return new PublicQueueResponse(q.id(), q.name(), q.publicState(length), length, nextOpenAt);
        }).toList();
    }

    /**
     * The signed-in agent, their organization and the queues they are a member of (with one query
     * for all their lengths).
     */
    @RolesAllowed(Roles.AGENT)
    public MeResponse me() {
        Agent agent = callers.current();
        Organization organization = em.find(Organization.class, agent.organizationId());
        Map<String, WaitingLineLength> lengths = lengths(agent.organizationId());
        List<QueueResponse> memberOf = em.createQuery("select q from Queue q where q.organizationId = :org"
                        + " and q.deletedAt is null and :agent member of q.memberIds order by q.name", Queue.class)
                .setParameter("org", agent.organizationId())
                .setParameter("agent", agent.id())
                .getResultStream()
                .map(q -> QueueAccess.view(q, lengths.getOrDefault(q.id(), WaitingLineLength.EMPTY)))
                .toList();
        return new MeResponse(agent.id(), agent.username(), agent.displayName(), organization.id(),
                organization.name(), agent.role().securityRoles(), memberOf);
    }

    /**
     * The signed-in agent's conversations for the desk's sidebar: the ones they are in, then the
     * finished ones not yet complete (hidden, or completed by the timer); newest first within each.
     */
    @RolesAllowed(Roles.AGENT)
    public List<AudienceResponse> conversations() {
        Agent agent = callers.current();
        List<Audience> live = heldBy(agent, "a.state = :state", AudienceState.ACCEPTED, MAX_CONVERSATIONS);
        List<Audience> finished = heldBy(agent, "a.state = :state", AudienceState.FINISHED,
                MAX_CONVERSATIONS - live.size());
        return Stream.concat(live.stream(), finished.stream())
                .map(a -> Audiences.view(a, agent.displayName(), null))
                .toList();
    }

    private List<Audience> heldBy(Agent agent, String condition, AudienceState state, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return em.createQuery("select a from Audience a where a.agentId = :agent and " + condition
                        + " order by a.acceptedAt desc", Audience.class)
                .setParameter("agent", agent.id())
                .setParameter("state", state)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One queue as its members see it. */
    @RolesAllowed(Roles.AGENT)
    public QueueResponse queue(String queueId) {
        return queues.view(queues.forMember(queueId, callers.current()));
    }

    /** The waiting customers of a queue, in the order they will be picked. */
    @RolesAllowed(Roles.AGENT)
    public List<WaitingCustomerResponse> waiting(String queueId) {
        Queue queue = queues.forMember(queueId, callers.current());
        AtomicInteger position = new AtomicInteger();
        return em.createQuery("select a from Audience a where a.waitingIn = :queue" + WaitingLine.JPQL_ORDER,
                        Audience.class)
                .setParameter("queue", queue.id())
                .getResultStream()
                .map(a -> new WaitingCustomerResponse(a.id(), position.incrementAndGet(), a.customerName(),
                        Clock.iso(a.requestedAt()), a.firstMessage(), CustomerFacts.fromJson(a.preAnswersJson())))
                .toList();
    }

    /** A queue's activity log, oldest first; at most {@code limit} lines after {@code afterId}. */
    @RolesAllowed(Roles.AGENT)
    public List<QueueLogEntryResponse> log(String queueId, long afterId, int limit) {
        Queue queue = queues.forMember(queueId, callers.current());
        return lines(em.createQuery("select e from QueueLogEntry e where e.queueId = :queue"
                        + " and e.id > :after order by e.id", QueueLogEntry.class)
                .setParameter("queue", queue.id())
                .setParameter("after", afterId), limit);
    }

    /** A page of a queue's activity log, newest first (the desk's view, which pages through it). */
    @RolesAllowed(Roles.AGENT)
    public QueueLogPage logPage(String queueId, int offset, int limit) {
        Queue queue = queues.forMember(queueId, callers.current());
        long total = em.createQuery("select count(e) from QueueLogEntry e where e.queueId = :queue", Long.class)
                .setParameter("queue", queue.id()).getSingleResult();
        return new QueueLogPage(lines(em.createQuery("select e from QueueLogEntry e where e.queueId = :queue"
                        + " order by e.id desc", QueueLogEntry.class)
                .setParameter("queue", queue.id())
                .setFirstResult(Math.max(0, offset)), limit), total);
    }

    private List<QueueLogEntryResponse> lines(TypedQuery<QueueLogEntry> query, int limit) {
        List<QueueLogEntry> entries = query.setMaxResults(Math.max(1, Math.min(limit, MAX_LOG_PAGE))).getResultList();
        Map<String, String> agentNames = new HashMap<>();
        Map<String, String> customerNames = new HashMap<>();
        Map<String, String> queueNames = new HashMap<>();
        return entries.stream().map(e -> new QueueLogEntryResponse(e.id(), Clock.iso(e.at()), e.kind().name(),
                e.agentId(), e.agentId() == null ? null : agentNames.computeIfAbsent(e.agentId(), this::agentName),
                e.audienceId(), customerName(e, customerNames),
                e.otherQueueId(),
                e.otherQueueId() == null ? null : queueNames.computeIfAbsent(e.otherQueueId(), this::queueName),
                e.waitedSeconds(), e.contactId()))
                .toList();
    }

    /** The customer of a line: the audience's, or the registered contact's name. */
    private String customerName(QueueLogEntry entry, Map<String, String> known) {
        if (entry.audienceId() != null) {
            return known.computeIfAbsent(entry.audienceId(), this::audienceCustomerName);
        }
        if (entry.contactId() != null) {
            // By name in JPQL: the contact package depends on this one, not the other way round.
            return em.createQuery("select c.name from RegisteredContact c where c.id = :id", String.class)
                    .setParameter("id", entry.contactId()).getResultStream().findFirst().orElse(null);
        }
        return null;
    }

    private String agentName(String agentId) {
        Agent agent = em.find(Agent.class, agentId);
        return agent == null ? null : agent.displayName();
    }

    private String queueName(String queueId) {
        Queue queue = em.find(Queue.class, queueId);
        return queue == null ? null : queue.name();
    }

    private String audienceCustomerName(String audienceId) {
        Audience audience = em.find(Audience.class, audienceId);
        return audience == null ? null : audience.customerName();
    }

    private Map<String, WaitingLineLength> lengths(String organizationId) {
        Map<String, WaitingLineLength> lengths = new HashMap<>();
        em.createQuery("select a.queueId, count(a), min(a.requestedAt) from Audience a where a.organizationId = :org"
                        + " and a.state = :requested group by a.queueId", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("requested", AudienceState.REQUESTED)
                .getResultStream()
                .forEach(row -> lengths.put((String) row[0],
                        new WaitingLineLength(((Number) row[1]).intValue(), (OffsetDateTime) row[2])));
        return lengths;
    }
}
