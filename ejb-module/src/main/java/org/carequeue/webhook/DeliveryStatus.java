package org.carequeue.webhook;

/** Where a delivery stands: waiting to be sent or retried, answered with a 2xx, or given up on. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
