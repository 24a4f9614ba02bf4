package org.carequeue.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** This node's open desk sockets, by agent id (an agent may have several tabs open). */
@ApplicationScoped
public class DeskSockets {

    private static final Logger LOG = Logger.getLogger(DeskSockets.class.getName());

    /** The socket's user property naming its agent. */
    static final String AGENT_ID = "agentId";

    private final Map<String, Set<Session>> byAgent = new ConcurrentHashMap<>();

    void opened(String agentId, Session session) {
        session.getUserProperties().put(AGENT_ID, agentId);
        byAgent.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(Session session) {
        Object agentId = session.getUserProperties().get(AGENT_ID);
        if (agentId != null) {
            byAgent.computeIfPresent((String) agentId, (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
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

    /** Closes the desks of an agent who may no longer use them. */
    void close(String agentId, String reason) {
        for (Session session : byAgent.getOrDefault(agentId, Set.of())) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing a desk socket failed", e);
            }
        }
    }
}
