package org.carequeue.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.agent.AgentSignedOut;
import org.carequeue.api.chat.ServerFrame;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceState;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.audience.Audiences;
import org.carequeue.audience.PlaceInLine;
import org.carequeue.message.MessagePosted;

/**
 * Tells this node's chat sockets what changed. Called by the {@code ClusterRelay} on every node,
 * after the transaction that caused the change committed: a socket never shows what the database
 * might still roll back.
 */
@ApplicationScoped
public class ChatPush {

    private static final Logger LOG = Logger.getLogger(ChatPush.class.getName());

    @Inject
    ChatSessions sessions;

    @Inject
    Audiences audiences;

    @Inject
    ManagedThreads threads;

    /** Per queue: how many changes of its line are not yet pushed (see {@link #pushPositions}). */
    private final Map<String, AtomicInteger> unpushedLineChanges = new ConcurrentHashMap<>();

    /** How long a message waits for a predecessor whose push is late (see {@link MessageOrder}). */
    static final long MAX_HOLD_MILLIS = 1_000;

    private final MessageOrder messageOrder = new MessageOrder();

    public void deliver(MessagePosted event) {
        var frame = ServerFrame.Message.of(event.message());
        boolean heldBack = messageOrder.deliver(event.audienceId(), event.message().seq(), () -> {
            sessions.toCustomers(event.audienceId(), frame);
            sessions.toAgent(event.agentId(), frame);
        });
        if (heldBack) {
            try {
                threads.schedule(() -> messageOrder.releaseHeld(event.audienceId()), MAX_HOLD_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                messageOrder.releaseHeld(event.audienceId());
            }
        }
    }

    public void deliver(AudienceAccepted event) {
        var frame = ServerFrame.State.of(event.audienceId(), AudienceState.ACCEPTED.name(), event.agentName());
        sessions.stoppedWaiting(event.audienceId(), event.queueId());
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
        pushPositions(event.queueId());
    }

    public void deliver(AudienceDropped event) {
        sessions.stoppedWaiting(event.audienceId(), event.queueId());
        messageOrder.forget(event.audienceId());
        sessions.toCustomers(event.audienceId(), ServerFrame.State.of(event.audienceId(),
                AudienceState.DROPPED.name(), null));
        pushPositions(event.queueId());
    }

    public void deliver(AudienceFinished event) {
        var frame = ServerFrame.State.of(event.audienceId(), AudienceState.FINISHED.name(), null);
        messageOrder.forget(event.audienceId());
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
    }

    /** Typing or call signalling for the other participant, as the sender's node wrote it. */
    public void deliver(PeerSignal signal) {
        if (signal.toCustomer()) {
            sessions.toCustomersAsJson(signal.audienceId(), signal.frame());
        } else {
            sessions.toAgentAsJson(signal.agentId(), signal.frame());
        }
    }

    /**
     * The customer waits again, in the target queue: their sockets get {@code state} REQUESTED
     * and then their place in the new line; the agent who transferred them gets the state too.
     */
    public void deliver(AudienceTransferred event) {
        var frame = ServerFrame.State.of(event.audienceId(), AudienceState.REQUESTED.name(), null);
        sessions.startedWaiting(event.audienceId(), event.toQueueId());
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
        pushPositions(event.toQueueId());
    }

    public void deliver(AgentSignedOut event) {
        sessions.closeAgentSessions(event.agentId(), event.tokenHash());
    }

    /** A removed agent's tokens no longer authenticate; the sockets they opened close too. */
    public void deliver(AgentRemoved event) {
        sessions.closeAllOfAgent(event.agentId(), "removed from the organization");
    }

    /**
     * Someone left the line: everyone behind them moved up. The line is read in a task of its own
     * (the transaction that fired the event is over), one task per queue at a time: changes that
     * arrive while it runs make it read once more, so positions are never sent out of order.
     */
    private void pushPositions(String queueId) {
        if (sessions.waitingIn(queueId).isEmpty()) {
            return;
        }
        AtomicInteger unpushed = unpushedLineChanges.computeIfAbsent(queueId, k -> new AtomicInteger());
        if (unpushed.getAndIncrement() > 0) {
            return;
        }
        Runnable push = () -> {
            int seen;
            do {
                seen = unpushed.get();
                try {
                    Map<String, PlaceInLine> places = audiences.placesInLine(queueId);
                    for (Session session : sessions.waitingIn(queueId)) {
                        PlaceInLine place = places.get(ChatSessions.peer(session).audienceId());
                        if (place != null) {
                            sessions.sendPosition(session, place);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not push queue positions of queue " + queueId, e);
                }
            } while (!unpushed.compareAndSet(seen, 0));
        };
        try {
            threads.execute(push);
        } catch (RejectedExecutionException e) {
            // Shutting down or overloaded: let the next change of the line try again.
            unpushed.set(0);
            LOG.log(Level.WARNING, "Could not schedule the position push of queue " + queueId, e);
        }
    }
}
