package org.carequeue.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** After a commit that queued deliveries, the sender starts at once instead of at its next tick. */
@ApplicationScoped
public class DeliveryWakeUp {

    @Inject
    WebhookSender sender;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookDeliveriesQueued queued) {
        sender.wake();
    }
}
