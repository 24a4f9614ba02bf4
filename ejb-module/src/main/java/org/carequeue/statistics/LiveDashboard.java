package org.carequeue.statistics;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.agent.Presences;
import org.carequeue.audience.AudienceState;
import org.carequeue.platform.Clock;
import org.carequeue.queue.Queue;
import org.carequeue.security.Roles;

/**
 * The operators' live dashboard: each queue of the organization as it stands now, and the agents
 * at their desks. Read from the database, so every node shows the same; an agent is online while
 * some node's word of an open desk is fresh ({@link Presences#FRESH_FOR}).
 */
@Stateless
public class LiveDashboard {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @RolesAllowed(Roles.OPERATOR)
    public DashboardNow now() {
        String organizationId = callers.currentOperator().organizationId();
        OffsetDateTime now = Clock.now();
        Map<String, Object[]> waiting = byKey("select a.queueId, count(a), min(a.requestedAt) from Audience a"
                + " where a.organizationId = :org and a.state = :state group by a.queueId", organizationId,
                AudienceState.REQUESTED);
        Map<String, Object[]> liveByQueue = byKey("select a.queueId, count(a) from Audience a"
                + " where a.organizationId = :org and a.state = :state group by a.queueId", organizationId,
                AudienceState.ACCEPTED);
        Map<String, Object[]> liveByAgent = byKey("select a.agentId, count(a) from Audience a"
                + " where a.organizationId = :org and a.state = :state group by a.agentId", organizationId,
                AudienceState.ACCEPTED);
        Map<String, OffsetDateTime> onlineSince = new HashMap<>();
        em.createQuery("select p.agentId, min(p.since) from DeskPresence p where p.organizationId = :org"
                        + " and p.seenAt >= :fresh group by p.agentId", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("fresh", now.minus(Presences.FRESH_FOR))
                .getResultStream()
                .forEach(row -> onlineSince.put((String) row[0], (OffsetDateTime) row[1]));

        List<AgentNow> agents = onlineSince.isEmpty() ? List.of()
                : em.createQuery("select a from Agent a where a.id in :ids", Agent.class)
                .setParameter("ids", onlineSince.keySet())
                .getResultStream()
                .map(a -> new AgentNow(a.id(), a.displayName(), Clock.iso(onlineSince.get(a.id())),
                        count(liveByAgent, a.id())))
                .sorted(Comparator.comparing(AgentNow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<QueueNow> queues = em.createQuery("select q from Queue q where q.organizationId = :org"
                        + " and q.deletedAt is null order by q.name", Queue.class)
                .setParameter("org", organizationId)
                .getResultStream()
                .map(q -> {
                    Object[] line = waiting.get(q.id());
                    int length = line == null ? 0 : ((Number) line[1]).intValue();
                    int membersOnline = (int) q.memberIds().stream().filter(onlineSince::containsKey).count();
                    return new QueueNow(q.id(), q.name(), q.publicState(length), length,
                            line == null ? null : Clock.iso((OffsetDateTime) line[2]), membersOnline,
                            count(liveByQueue, q.id()));
                })
                .toList();
        return new DashboardNow(queues, agents);
    }

    /** The organization whose dashboard this agent may watch: only an operator's own. */
    @PermitAll
    public Optional<String> organizationWatchedBy(String agentId) {
        Agent agent = agentId == null ? null : em.find(Agent.class, agentId);
        return agent == null || agent.isRemoved() || !agent.isOperator() ? Optional.empty()
                : Optional.of(agent.organizationId());
    }

    private Map<String, Object[]> byKey(String jpql, String organizationId, AudienceState state) {
        Map<String, Object[]> rows = new HashMap<>();
        em.createQuery(jpql, Object[].class)
                .setParameter("org", organizationId)
                .setParameter("state", state)
                .getResultStream()
                .forEach(row -> rows.put((String) row[0], row));
        return rows;
    }

    private static int count(Map<String, Object[]> rows, String key) {
        Object[] row = rows.get(key);
        return row == null ? 0 : ((Number) row[1]).intValue();
    }
}
