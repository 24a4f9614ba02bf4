package org.carequeue.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's open desk sockets, by agent id (an agent may have several tabs open), and the
 * operators' dashboards watching an organization over the same socket.
 */
@ApplicationScoped
public class DeskSockets {

    private static final Logger LOG = Logger.getLogger(DeskSockets.class.getName());

    /** The socket's user property naming its agent. */
    static final String AGENT_ID = "agentId";
    /** A dashboard's user property naming the organization it shows. */
    private static final String ORGANIZATION_ID = "organizationId";
    /** A dashboard's user property naming the operator watching it. */
    private static final String WATCHER_ID = "watcherId";

    private final Map<String, Set<Session>> byAgent = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> dashboards = new ConcurrentHashMap<>();

    /** Registers a desk; true when it is the agent's first open desk on this node. */
    boolean opened(String agentId, Session session) {
        session.getUserProperties().put(AGENT_ID, agentId);
        boolean[] first = {false};
        byAgent.compute(agentId, (id, sessions) -> {
            Set<Session> all = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            first[0] = all.isEmpty();
            all.add(session);
            return all;
        });
        return first[0];
    }

    void watching(String organizationId, String operatorId, Session session) {
        session.getUserProperties().put(ORGANIZATION_ID, organizationId);
        session.getUserProperties().put(WATCHER_ID, operatorId);
        dashboards.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /**
     * Forgets a socket; for a desk, answers its agent when it was their last open desk on this
     * node (else null).
     */
    String closed(Session session) {
        Object organizationId = session.getUserProperties().get(ORGANIZATION_ID);
        if (organizationId != null) {
            removeFrom(dashboards, (String) organizationId, session);
        }
        Object agentId = session.getUserProperties().get(AGENT_ID);
        return agentId != null && removeFrom(byAgent, (String) agentId, session) ? (String) agentId : null;
    }

    /** True when that removed the key's last socket. */
    private static boolean removeFrom(Map<String, Set<Session>> index, String key, Session session) {
        boolean[] last = {false};
        index.computeIfPresent(key, (id, sessions) -> {
            last[0] = sessions.remove(session) && sessions.isEmpty();
            return sessions.isEmpty() ? null : sessions;
        });
        return last[0];
    }

    /** The agents with a desk open on this node. */
    Set<String> agentIds() {
        return Set.copyOf(byAgent.keySet());
    }

    /** Desk sockets open on this node; for the metrics. */
    public int openSockets() {
        return byAgent.values().stream().mapToInt(Set::size).sum();
    }

    /** Sends a signal to every open desk of these agents; a desk that is gone is skipped. */
    void send(Collection<String> agentIds, String signal) {
        for (String agentId : agentIds) {
            for (Session session : byAgent.getOrDefault(agentId, Set.of())) {
                if (session.isOpen()) {
                    session.getAsyncRemote().sendText(signal);
                }
            }
        }
    }

    /** Tells the dashboards of an organization open on this node. */
    void toDashboards(String organizationId, String signal) {
        for (Session session : dashboards.getOrDefault(organizationId, Set.of())) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(signal);
            }
        }
    }

    /** Closes the desks and dashboards of an agent who may no longer use them. */
    void close(String agentId, String reason) {
        List<Session> theirs = new ArrayList<>(byAgent.getOrDefault(agentId, Set.of()));
        dashboards.values().forEach(watching -> watching.stream()
                .filter(session -> agentId.equals(session.getUserProperties().get(WATCHER_ID)))
                .forEach(theirs::add));
        for (Session session : theirs) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing a desk socket failed", e);
            }
        }
    }
}
