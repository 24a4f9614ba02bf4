package org.carequeue.api.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an operator can subscribe to, with their wire names. */
public enum WebhookEventType {
    AUDIENCE_REQUESTED("audience.requested"),
    AUDIENCE_ACCEPTED("audience.accepted"),
    AUDIENCE_DROPPED("audience.dropped"),
    AUDIENCE_TRANSFERRED("audience.transferred"),
    AUDIENCE_FINISHED("audience.finished"),
    AUDIENCE_COMPLETE("audience.complete"),
    CONTACT_REGISTERED("contact.registered"),
    QUEUE_OPENED("queue.opened"),
    QUEUE_CLOSED("queue.closed"),
    /** Sent by the "send test event" action to one subscription, whatever it subscribed to. */
    TEST("test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
