package org.carequeue.api.webhook;

/**
 * The headers of a webhook delivery. The signature is {@code v1=} and the lowercase hex
 * HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes, {@code whsec_} prefix
 * included), of the timestamp, a dot and the raw body. Receivers recompute it, compare in
 * constant time and refuse timestamps more than {@link #TOLERANCE_SECONDS} old.
 */
public final class WebhookHeaders {

    public static final String ID = "CareQueue-Webhook-Id";
    /** Unix seconds when this attempt was signed. */
    public static final String TIMESTAMP = "CareQueue-Webhook-Timestamp";
    public static final String SIGNATURE = "CareQueue-Webhook-Signature";
    public static final String SIGNATURE_VERSION = "v1=";
    public static final long TOLERANCE_SECONDS = 300;

    private WebhookHeaders() {
    }
}
