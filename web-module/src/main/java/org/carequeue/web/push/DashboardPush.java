package org.carequeue.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.carequeue.agent.AgentPresenceChanged;
import org.carequeue.agent.AgentRemoved;
import org.carequeue.audience.AudienceAccepted;
import org.carequeue.audience.AudienceDropped;
import org.carequeue.audience.AudienceFinished;
import org.carequeue.audience.AudienceRequested;
import org.carequeue.audience.AudienceTransferred;
import org.carequeue.queue.QueueChanged;

/**
 * Tells the operators' live dashboards of an organization, after commit and on every node
 * (through the {@link ClusterRelay}), that what they show changed: a customer arrived, was picked,
 * left or was transferred, a conversation ended, a queue changed, an agent came to or left a desk.
 * The signal is {@code {"kind":"dashboard"}} and nothing more; the page re-reads with the
 * operator's rights.
 */
@ApplicationScoped
public class DashboardPush {

    static final String SIGNAL = "{\"kind\":\"dashboard\"}";

    @Inject
    ClusterRelay relay;

    @Inject
    DeskSockets sockets;

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceRequested event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceAccepted event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void dropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceDropped event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceFinished event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void transferred(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceTransferred event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void presenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentPresenceChanged event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRemoved event) {
        relay.publish(new DashboardSignal(event.organizationId()));
    }

    public void deliver(DashboardSignal signal) {
        sockets.toDashboards(signal.organizationId(), SIGNAL);
    }
}
