package org.carequeue.webhook;

/** Deliveries were written in this transaction: after its commit the sender need not wait for its tick. */
public record WebhookDeliveriesQueued() {
}
