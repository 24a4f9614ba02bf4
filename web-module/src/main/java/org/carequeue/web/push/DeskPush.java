package org.carequeue.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceCompleted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFeedbackGiven;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceRequested;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.audience.CustomerMetadataChanged;
import org.carequeue.contact.ContactRegistered;
import org.carequeue.message.MessagePosted;
import org.carequeue.queue.QueueChanged;
import org.carequeue.queue.Queues;
import org.carequeue.web.chat.PeerSignal;

/**
 * Tells open desks what changed, after the change committed, over their {@link DeskSocket},
 * addressed by agent id, on whichever node they are (through the {@link ClusterRelay}). A signal
 * carries ids only: each desk then re-reads what it shows through the boundaries, with its own
 * rights, so a signal can never show anyone more than they may see.
 * <ul>
 * <li>{@code {"kind":"queue","queueId":...,"arrival":true|false}} to the queue's members, who are
 * read once, on the node where the change committed (a pick's, in its transaction, which read them
 * to check the picker's access);</li>
 * <li>{@code {"kind":"conversation","audienceId":...}} to the agent holding the audience;</li>
 * <li>{@code {"kind":"customer","audienceId":...}} to the agent holding the audience when the
 * customer's live metadata changed (their "about the customer" is read again);</li>
 * </ul>
 * The customer's {@code typing} and {@code rtc} frames (see {@code LiveSignals}) go to the holding
 * agent's desks as the chat socket's server frames, told apart from signals by their {@code type}.
 * The desks of an agent removed from the organization are closed.
 */
@ApplicationScoped
public class DeskPush {

    @Inject
    DeskSockets desks;

    @Inject
    Queues queues;

    @Inject
    ClusterRelay relay;

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceRequested event) {
        tellMembers(event.queueId(), event.queueMemberIds(), true);
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceAccepted event) {
        tellMembers(event.queueId(), event.queueMemberIds(), false);
    }

    void dropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceDropped event) {
        queueChanged(event.queueId(), false);
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFinished event) {
        queueChanged(event.queueId(), false);
    }

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged event) {
        queueChanged(event.queueId(), false);
        // Agents who just left the queue still show it until their desk reads again.
        if (!event.formerMembers().isEmpty()) {
            relay.publish(new DeskSignal(List.copyOf(event.formerMembers()), queueSignal(event.queueId(), false)));
        }
    }

    void transferred(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceTransferred event) {
        queueChanged(event.fromQueueId(), false);
        queueChanged(event.toQueueId(), true);
    }

    /**
     * The members' activity logs show the new contact, and their desks announce it (sound and
     * desktop notification, as each agent chose) like an arrival.
     */
    void contactRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactRegistered event) {
        Set<String> members = queues.deskAudience(event.queueId());
        if (!members.isEmpty()) {
            relay.publish(new DeskSignal(List.copyOf(members), ClusterRelay.JSON_PROVIDER.createObjectBuilder()
                    .add("kind", "queue").add("queueId", event.queueId()).add("arrival", false).add("contact", true)
                    .build().toString()));
        }
    }

    /** Relayed as a signal, so the holder's desk hears it on whichever node it is. */
    void customerMetadataChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomerMetadataChanged event) {
        if (event.agentId() != null) {
            relay.publish(new DeskSignal(List.of(event.agentId()), ClusterRelay.JSON_PROVIDER.createObjectBuilder()
                    .add("kind", "customer").add("audienceId", event.audienceId()).build().toString()));
        }
    }

    public void deliver(DeskSignal signal) {
        desks.send(signal.agentIds(), signal.signal());
    }

    public void deliver(AudienceAccepted event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    public void deliver(AudienceFinished event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    /** The conversation left the transferring agent's sidebar. */
    public void deliver(AudienceTransferred event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    /** A finished conversation completed: it leaves the sidebar. */
    public void deliver(AudienceCompleted event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    /** The customer rated or answered afterwards: the conversation view shows it. */
    public void deliver(AudienceFeedbackGiven event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    public void deliver(MessagePosted event) {
        conversationChanged(event.agentId(), event.audienceId());
    }

    /** The customer's typing and call signalling, for the holding agent's desks too. */
    public void deliver(PeerSignal signal) {
        if (!signal.toCustomer() && signal.agentId() != null) {
            desks.send(List.of(signal.agentId()), signal.frame());
        }
    }

    public void deliver(AgentRemoved event) {
        desks.close(event.agentId(), "Removed from the organization");
    }

    private void queueChanged(String queueId, boolean arrival) {
        tellMembers(queueId, queues.deskAudience(queueId), arrival);
    }

    private void tellMembers(String queueId, Set<String> members, boolean arrival) {
        if (!members.isEmpty()) {
            relay.publish(new DeskSignal(List.copyOf(members), queueSignal(queueId, arrival)));
        }
    }

    private static String queueSignal(String queueId, boolean arrival) {
        return ClusterRelay.JSON_PROVIDER.createObjectBuilder().add("kind", "queue").add("queueId", queueId)
                .add("arrival", arrival).build().toString();
    }

    private void conversationChanged(String agentId, String audienceId) {
        if (agentId != null) {
            desks.send(List.of(agentId), ClusterRelay.JSON_PROVIDER.createObjectBuilder().add("kind", "conversation")
                    .add("audienceId", audienceId).build().toString());
        }
    }
}
