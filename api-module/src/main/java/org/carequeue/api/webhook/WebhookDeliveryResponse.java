package org.carequeue.api.webhook;

/**
 * One event's delivery to one subscription, for the delivery log. {@code status}: {@code PENDING}
 * (waiting for its first attempt or a retry at {@code nextAttemptAt}), {@code DELIVERED} (a 2xx
 * answer) or {@code FAILED} (no 2xx for a day). {@code responseStatus} and {@code responseExcerpt}
 * (the first characters of the body) are the last attempt's; {@code lastError} says why an attempt
 * got no answer.
 */
public record WebhookDeliveryResponse(long id, String eventId, String type, String status, int attempts,
                                      Integer responseStatus, String responseExcerpt, String lastError,
                                      String createdAt, String lastAttemptAt, String nextAttemptAt,
                                      String deliveredAt) {
}
