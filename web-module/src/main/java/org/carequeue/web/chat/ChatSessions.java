package org.carequeue.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carequeue.api.chat.ServerFrame;
import org.carequeue.audience.PlaceInLine;
import org.carequeue.platform.Tokens;

/**
 * The chat sockets of this node: by audience (customers), by agent, and by queue for the customers
 * still waiting in it. Every frame goes through the socket's {@link Outbox}.
 */
@ApplicationScoped
public class ChatSessions {

    static final Jsonb JSON = JsonbBuilder.create();
    private static final String PEER = "carequeue.peer";
    private static final String OUTBOX = "carequeue.outbox";
    private static final String LAST_POSITION = "carequeue.lastPosition";

    private final Map<String, Set<Session>> customersByAudience = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> agentsById = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> waitingByQueue = new ConcurrentHashMap<>();

    @Inject
    ManagedThreads threads;

    /** Every socket gets its outbox when it opens, before anything can be sent to it. */
    void opened(Session session) {
        session.getUserProperties().put(OUTBOX, new Outbox(session));
    }

    /** Pushes to this socket wait from now until {@link #ready} or {@link #release}. */
    void hold(Session session) {
        outbox(session).hold();
    }

    void release(Session session) {
        outbox(session).release();
    }

    /** The socket's first frame, {@code ready}; what was pushed meanwhile follows it. */
    void ready(Session session, ServerFrame.Ready ready) {
        if (ready.position() != null) {
            session.getUserProperties().put(LAST_POSITION, new PlaceInLine(ready.position(), null));
        }
        outbox(session).start(JSON.toJson(ready));
    }

    void addCustomer(Session session, Peer peer, boolean waiting) {
        session.getUserProperties().put(PEER, peer);
        addTo(customersByAudience, peer.audienceId(), session);
        if (waiting) {
            addTo(waitingByQueue, peer.queueId(), session);
        }
    }

    void addAgent(Session session, Peer peer) {
        session.getUserProperties().put(PEER, peer);
        addTo(agentsById, peer.agentId(), session);
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

    /** Authenticated chat sockets open on this node, customers' and agents'; for the metrics. */
    public int openSockets() {
        return Stream.concat(customersByAudience.values().stream(), agentsById.values().stream())
                .mapToInt(Set::size).sum();
    }

    boolean hasCustomer(String audienceId) {
        return !customersByAudience.getOrDefault(audienceId, Set.of()).isEmpty();
    }

    /** The customer is no longer in line: picked, dropped or gone. */
    void stoppedWaiting(String audienceId, String queueId) {
        for (Session session : customersByAudience.getOrDefault(audienceId, Set.of())) {
            removeFrom(waitingByQueue, queueId, session);
        }
    }

    /**
     * The customer waits again, in {@code queueId} (a transfer): their sockets join that queue's
     * line and forget their last position, so the next position push reaches them.
     */
    void startedWaiting(String audienceId, String queueId) {
        for (Session session : customersByAudience.getOrDefault(audienceId, Set.of())) {
            Peer peer = peer(session);
            removeFrom(waitingByQueue, peer.queueId(), session);
            session.getUserProperties().put(PEER, peer.inQueue(queueId));
            session.getUserProperties().remove(LAST_POSITION);
            addTo(waitingByQueue, queueId, session);
        }
    }

    /** The audiences of the customers waiting in line with a socket on this node. */
    Set<String> waitingAudienceIds() {
        return waitingByQueue.values().stream()
                .flatMap(Set::stream)
                .map(session -> peer(session).audienceId())
                .collect(Collectors.toSet());
    }

    Set<Session> waitingIn(String queueId) {
        return waitingByQueue.getOrDefault(queueId, Set.of());
    }

    void toCustomers(String audienceId, Object frame) {
        toCustomersAsJson(audienceId, JSON.toJson(frame));
    }

    /** A frame already written as JSON (a {@link PeerSignal}'s) to the audience's customer sockets. */
    void toCustomersAsJson(String audienceId, String json) {
        customersByAudience.getOrDefault(audienceId, Set.of()).forEach(session -> outbox(session).offer(json));
    }

    /** Sends to the agent's sockets whose session is still valid; expired ones are closed. */
    void toAgent(String agentId, Object frame) {
        toAgentAsJson(agentId, JSON.toJson(frame));
    }

    void toAgentAsJson(String agentId, String json) {
        Set<Session> sessions = agentId == null ? null : agentsById.get(agentId);
        if (sessions != null && !sessions.isEmpty()) {
            for (Session session : sessions) {
                if (peer(session).hasExpired()) {
                    outbox(session).closeAfterPending(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                            "session expired"));
                } else {
                    outbox(session).offer(json);
                }
            }
        }
    }

    /** The agent signed out of the session these sockets were opened with. */
    void closeAgentSessions(String agentId, String tokenHash) {
        for (Session session : agentsById.getOrDefault(agentId, Set.of())) {
            if (Tokens.hash(peer(session).token()).equals(tokenHash)) {
                outbox(session).closeAfterPending(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
            }
        }
    }

    /** Every socket the agent opened, whatever token it was opened with. */
    void closeAllOfAgent(String agentId, String reason) {
        for (Session session : agentsById.getOrDefault(agentId, Set.of())) {
            outbox(session).closeAfterPending(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        }
    }

    /** Sends a queue position and estimated wait unless this socket was told the same ones already. */
    void sendPosition(Session session, PlaceInLine place) {
        Object last = session.getUserProperties().put(LAST_POSITION, place);
        if (!place.equals(last)) {
            send(session, ServerFrame.Queue.of(place.position(), place.etaSeconds()));
        }
    }

    void send(Session session, Object frame) {
        outbox(session).offer(JSON.toJson(frame));
    }

    void closeAfterPending(Session session, CloseReason reason) {
        outbox(session).closeAfterPending(reason);
    }

    /** Closes a socket that has not authenticated within the time, so idle strangers hold nothing. */
    void closeUnlessAuthenticatedWithin(Session session, int seconds) {
        threads.schedule(() -> {
            if (session.isOpen() && peer(session) == null) {
                outbox(session).close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "auth timeout"));
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private static Outbox outbox(Session session) {
        return (Outbox) session.getUserProperties().get(OUTBOX);
    }

    private static void addTo(Map<String, Set<Session>> index, String key, Session session) {
        index.compute(key, (k, sessions) -> {
            Set<Session> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            set.add(session);
            return set;
        });
    }

    /** @return whether the key has no sessions left */
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
