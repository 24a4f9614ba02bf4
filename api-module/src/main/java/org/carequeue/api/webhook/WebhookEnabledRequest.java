package org.carequeue.api.webhook;

/** Turns a subscription's deliveries on or off; a disabled subscription gets no new events. */
public record WebhookEnabledRequest(boolean enabled) {
}
