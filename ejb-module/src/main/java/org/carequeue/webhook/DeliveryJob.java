package org.carequeue.webhook;

import java.time.OffsetDateTime;

/**
 * A claimed delivery with what the sender needs to make the request, outside any transaction.
 * {@code leaseUntil} is the claim's own lease: it fences the claim, so a node whose lease ran out
 * and was claimed by another neither sends nor records.
 */
public record DeliveryJob(long deliveryId, String eventId, String url, String secret, String body,
                          OffsetDateTime leaseUntil) {

    DeliveryJob withLease(OffsetDateTime lease) {
        return new DeliveryJob(deliveryId, eventId, url, secret, body, lease);
    }
}
