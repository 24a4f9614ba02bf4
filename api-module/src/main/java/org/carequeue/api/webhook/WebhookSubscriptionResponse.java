package org.carequeue.api.webhook;

import java.util.List;

/** A subscription as operators see it: never its secret. */
public record WebhookSubscriptionResponse(String id, String url, List<String> events, boolean enabled,
                                          String createdAt, String createdBy) {
}
