package org.carequeue.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.chat.ServerFrame;

/**
 * The authenticated chat sockets of this node, by audience (customers), by agent, and by queue for
 * the customers still waiting in it. Frames to one socket are written one at a time.
 */
@ApplicationScoped
public class ChatSessions {

    private static final Logger LOG = Logger.getLogger(ChatSessions.class.getName());
    private static final String PEER = "carequeue.peer";
    private static final String LAST_POSITION = "carequeue.lastPosition";
    static final Jsonb JSON = JsonbBuilder.create();

    private final Map<String, Set<Session>> customersByAudience = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> agentsById = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> waitingByQueue = new ConcurrentHashMap<>();

    void addCustomer(Session session, Peer peer, boolean waiting) {
        session.getUserProperties().put(PEER, peer);
        customersByAudience.computeIfAbsent(peer.audienceId(), k -> ConcurrentHashMap.newKeySet()).add(session);
        if (waiting) {
            waitingByQueue.computeIfAbsent(peer.queueId(), k -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    void addAgent(Session session, Peer peer) {
        session.getUserProperties().put(PEER, peer);
        agentsById.computeIfAbsent(peer.agentId(), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    static Peer peer(Session session) {
        return (Peer) session.getUserProperties().get(PEER);
    }

    /**
     * Forgets a closed socket.
     *
     * @return whether it was the last socket of its customer on this node
     */
    boolean remove(Session session) {
        Peer peer = peer(session);
        if (peer == null) {
            return false;
        }
        if (!peer.isCustomer()) {
            removeFrom(agentsById, peer.agentId(), session);
            return false;
        }
        removeFrom(waitingByQueue, peer.queueId(), session);
        return removeFrom(customersByAudience, peer.audienceId(), session);
    }

    /** The customer is no longer in line: picked, dropped or gone. */
    void stoppedWaiting(String audienceId, String queueId) {
        Set<Session> waiting = waitingByQueue.get(queueId);
        if (waiting != null) {
            waiting.removeAll(customersByAudience.getOrDefault(audienceId, Set.of()));
        }
    }

    Set<Session> waitingIn(String queueId) {
        return waitingByQueue.getOrDefault(queueId, Set.of());
    }

    void toCustomers(String audienceId, Object frame) {
        sendAll(customersByAudience.get(audienceId), frame);
    }

    void toAgent(String agentId, Object frame) {
        if (agentId != null) {
            sendAll(agentsById.get(agentId), frame);
        }
    }

    /** Sends a queue position unless this socket was told the same one already. */
    void sendPosition(Session session, int position) {
        Object last = session.getUserProperties().put(LAST_POSITION, position);
        if (!Integer.valueOf(position).equals(last)) {
            send(session, ServerFrame.Queue.of(position));
        }
    }

    void send(Session session, Object frame) {
        sendText(session, JSON.toJson(frame));
    }

    private void sendAll(Set<Session> sessions, Object frame) {
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        String json = JSON.toJson(frame);
        sessions.forEach(session -> sendText(session, json));
    }

    private static void sendText(Session session, String json) {
        if (!session.isOpen()) {
            return;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(json);
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away mid-write; its close handler cleans up, and it resumes with "since".
            LOG.log(Level.FINE, "Could not write to chat socket " + session.getId(), e);
        }
    }

    private static boolean removeFrom(Map<String, Set<Session>> index, String key, Session session) {
        boolean[] last = {false};
        if (key != null) {
            index.computeIfPresent(key, (k, sessions) -> {
                sessions.remove(session);
                last[0] = sessions.isEmpty();
                return sessions.isEmpty() ? null : sessions;
            });
        }
        return last[0];
    }
}
