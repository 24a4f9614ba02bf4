package org.carequeue.web.chat;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.chat.ServerFrame;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceState;
import org.carequeue.audience.Audiences;
import org.carequeue.message.MessagePosted;

/**
 * Pushes domain events to this node's chat sockets, only after the transaction that caused them
 * committed: a socket never shows what the database might still roll back.
 */
@ApplicationScoped
public class ChatPush {

    private static final Logger LOG = Logger.getLogger(ChatPush.class.getName());

    @Inject
    ChatSessions sessions;

    @Inject
    Audiences audiences;

    @Resource
    ManagedExecutorService executor;

    void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        var m = event.message();
        var frame = ServerFrame.Message.of(m.seq(), m.audienceId(), m.from(), m.text(), m.clientMessageId(), m.sentAt());
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceAccepted event) {
        var frame = ServerFrame.State.of(event.audienceId(), AudienceState.ACCEPTED.name(), event.agentName());
        sessions.stoppedWaiting(event.audienceId(), event.queueId());
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
        pushPositions(event.queueId());
    }

    void dropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceDropped event) {
        sessions.stoppedWaiting(event.audienceId(), event.queueId());
        sessions.toCustomers(event.audienceId(), ServerFrame.State.of(event.audienceId(),
                AudienceState.DROPPED.name(), null));
        pushPositions(event.queueId());
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFinished event) {
        var frame = ServerFrame.State.of(event.audienceId(), AudienceState.FINISHED.name(), null);
        sessions.toCustomers(event.audienceId(), frame);
        sessions.toAgent(event.agentId(), frame);
    }

    /**
     * Someone left the line: everyone behind them moved up. Read in a task of its own, because the
     * transaction that fired the event is over and this is a new read.
     */
    private void pushPositions(String queueId) {
        if (sessions.waitingIn(queueId).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            try {
                Map<String, Integer> positions = audiences.positions(queueId);
                for (Session session : sessions.waitingIn(queueId)) {
                    Integer position = positions.get(ChatSessions.peer(session).audienceId());
                    if (position != null) {
                        sessions.sendPosition(session, position);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not push queue positions of queue " + queueId, e);
            }
        });
    }
}
