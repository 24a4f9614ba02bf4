package org.carequeue.webhook;

/** A claimed delivery with what the sender needs to make the request, outside any transaction. */
public record DeliveryJob(long deliveryId, String eventId, String url, String secret, String body) {
}
