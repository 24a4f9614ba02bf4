package org.carequeue.api.webhook;

/**
 * A subscription just created. {@code secret} ({@code whsec_} and 32 random bytes as base64url)
 * is shown only here: the receiver checks signatures with it.
 */
public record NewWebhookSubscriptionResponse(WebhookSubscriptionResponse subscription, String secret) {
}
