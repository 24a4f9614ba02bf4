package org.carequeue.api.webhook;

import java.util.List;

/**
 * A new subscription: an https URL (http only where the server allows it, for tests) and the
 * event types' wire names, at least one.
 */
public record WebhookSubscriptionRequest(String url, List<String> events) {
}
