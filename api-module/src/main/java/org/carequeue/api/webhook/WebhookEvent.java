package org.carequeue.api.webhook;

import java.util.Map;

/**
 * The body of every webhook delivery. {@code id} is the event's, the same on every attempt and
 * for every subscription: receivers de-duplicate by it (delivery is at least once).
 * {@code occurredAt} is ISO-8601 UTC with a {@code Z}; {@code type} is one of {@link WebhookEventType}'s
 * wire names; {@code data} carries ids and the facts of the event (a transcript for
 * {@code audience.complete}).
 */
public record WebhookEvent(String id, String type, String occurredAt, String organizationId, Map<String, Object> data) {
}
