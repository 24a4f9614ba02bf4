package org.carequeue.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.carequeue.platform.Clock;

/**
 * Which agents are at their desks, on whichever node: each node reports the desks it holds (see
 * {@link DeskPresence}). Called by the nodes themselves, for agents whose signed-in sessions
 * opened the desks, hence {@code @PermitAll}; nothing here is shown without an operator's
 * read of their own organization.
 */
@Stateless
public class Presences {

    /**
     * A node renews its rows every {@link #BEAT_SECONDS}; a row not renewed for three beats is a
     * node that died or lost the database, and its agents no longer count as online.
     */
    public static final int BEAT_SECONDS = 5;
    public static final Duration FRESH_FOR = Duration.ofSeconds(3L * BEAT_SECONDS);
    /** Rows of nodes long gone are deleted by whichever node beats next. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AgentPresenceChanged> changed;

    /** The agent's first desk on this node opened. */
    @PermitAll
    public void deskOpened(String agentId, String nodeId) {
        OffsetDateTime now = Clock.now();
        DeskPresence presence = em.find(DeskPresence.class, new DeskPresence.Key(agentId, nodeId));
        if (presence != null) {
            presence.seen(now);
        } else {
            add(agentId, nodeId, now);
        }
    }

    /** The agent's last desk on this node closed. */
    @PermitAll
    public void deskClosed(String agentId, String nodeId) {
        DeskPresence presence = em.find(DeskPresence.class, new DeskPresence.Key(agentId, nodeId));
        if (presence != null) {
            em.remove(presence);
            changed.fire(new AgentPresenceChanged(presence.agentId(), presence.organizationId()));
        }
    }

    /**
     * The node's heartbeat: these agents have desks open on it now, and no others. Also mends
     * what an open or a close that failed, or raced with another, left behind.
     */
    @PermitAll
    public void desksOpen(String nodeId, Set<String> agentIds) {
        OffsetDateTime now = Clock.now();
        Set<String> missing = new HashSet<>(agentIds);
        for (DeskPresence presence : em.createQuery("select p from DeskPresence p where p.nodeId = :node",
                DeskPresence.class).setParameter("node", nodeId).getResultList()) {
            if (missing.remove(presence.agentId())) {
                presence.seen(now);
            } else {
                em.remove(presence);
                changed.fire(new AgentPresenceChanged(presence.agentId(), presence.organizationId()));
            }
        }
        missing.forEach(agentId -> add(agentId, nodeId, now));
        em.createQuery("delete from DeskPresence p where p.seenAt < :forgotten")
                .setParameter("forgotten", now.minus(FORGOTTEN_AFTER))
                .executeUpdate();
    }

    private void add(String agentId, String nodeId, OffsetDateTime now) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent != null && !agent.isRemoved()) {
            em.persist(new DeskPresence(agent, nodeId, now));
            changed.fire(new AgentPresenceChanged(agent.id(), agent.organizationId()));
        }
    }
}
