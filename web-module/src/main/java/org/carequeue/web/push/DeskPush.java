package org.carequeue.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceRequested;
import org.carequeue.message.MessagePosted;
import org.carequeue.queue.QueueChanged;
import org.carequeue.queue.Queues;

/**
 * Tells open desks what changed, after the change committed, on the Faces websocket channel
 * {@value #CHANNEL}, addressed by agent id. A signal carries ids only: each desk then re-reads what
 * it shows through the boundaries, with its own rights, so a signal can never show anyone more
 * than they may see.
 * <ul>
 * <li>{@code {"kind":"queue","queueId":...,"arrival":true|false}} to the queue's members;</li>
 * <li>{@code {"kind":"conversation","audienceId":...}} to the agent holding the audience;</li>
 * <li>{@code {"kind":"removed"}} to an agent removed from the organization.</li>
 * </ul>
 */
@ApplicationScoped
public class DeskPush {

    public static final String CHANNEL = "desk";

    @Inject
    @Push(channel = CHANNEL)
    PushContext desks;

    @Inject
    Queues queues;

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceRequested event) {
        queueChanged(event.queueId(), true);
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceAccepted event) {
        queueChanged(event.queueId(), false);
        conversationChanged(event.agentId(), event.audienceId());
    }

    void dropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceDropped event) {
        queueChanged(event.queueId(), false);
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFinished event) {
        queueChanged(event.queueId(), false);
        conversationChanged(event.agentId(), event.audienceId());
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged event) {
        queueChanged(event.queueId(), false);
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRemoved event) {
        desks.send(Map.of("kind", "removed"), event.agentId());
    }

    private void queueChanged(String queueId, boolean arrival) {
        Set<String> members = queues.deskAudience(queueId);
        if (!members.isEmpty()) {
            desks.send(Map.of("kind", "queue", "queueId", queueId, "arrival", arrival), members);
        }
    }

    private void conversationChanged(String agentId, String audienceId) {
        if (agentId != null) {
            desks.send(Map.of("kind", "conversation", "audienceId", audienceId), agentId);
        }
    }
}
