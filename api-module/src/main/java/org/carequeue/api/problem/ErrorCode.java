package org.carequeue.api.problem;

/**
 * The stable {@code code} of every problem+json answer. Clients branch on these, so a code once
 * published is never renamed; the HTTP status travels with it.
 */
public enum ErrorCode {
    QUEUE_IS_CLOSED(409),
    QUEUE_IS_FULL(409),
    QUEUE_IS_SUSPENDED(409),
    QUEUE_IN_USE(409),
    QUEUE_NOT_FOUND(404),
    QUEUE_IS_EMPTY(404),
    AUDIENCE_NOT_FOUND(404),
    ALREADY_PICKED(409),
    AUDIENCE_ENDED(409),
    /** Typing and call signals need an audience an agent has picked and nobody has ended yet. */
    AUDIENCE_NOT_LIVE(409),
    /** The queue's video setting does not let this side start a call. */
    CALL_NOT_ALLOWED(403),
    NOT_HELD_BY_YOU(403),
    // End, rating, post-audience questionnaire, transfer
    AUDIENCE_NOT_ENDED(409),
    AUDIENCE_COMPLETE(409),
    ALREADY_RATED(409),
    ALREADY_ANSWERED(409),
    TRANSFER_NOT_ALLOWED(409),
    ORGANIZATION_NOT_FOUND(404),
    VALIDATION_FAILED(400),
    INVALID_SECURE_METADATA(422),
    SECURE_METADATA_REQUIRED(422),
    ALREADY_EXISTS(409),
    NOT_AUTHENTICATED(401),
    INVALID_CREDENTIALS(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    SERVICE_UNAVAILABLE(503),
    /** A body sent with an upgrade to HTTP/2 over plain HTTP (h2c), which CareQueue does not speak. */
    H2C_NOT_SUPPORTED(400),
    INTERNAL_ERROR(500),
    // Canned messages, tags and notes.
    CANNED_MESSAGE_NOT_FOUND(404),
    TAG_NOT_FOUND(404),
    TAG_HAS_SUBTAGS(409),
    TAG_RULE_NOT_FOUND(404),
    NOTE_FIELD_NOT_FOUND(404),
    CONTACT_NOT_FOUND(404),
    // History: the organization asks operators why they read a transcript.
    REASON_REQUIRED(400),
    // API keys: a wrong, revoked or unusable key, and a key put where it leaks (a URL).
    INVALID_API_KEY(401),
    API_KEY_IN_URL(400),
    // Webhooks.
    WEBHOOK_NOT_FOUND(404),
    // Sites of the chat widget: an unknown key, a queue the site does not offer, and a page (its
    // Origin) that no site of the organization lets embed the widget.
    SITE_NOT_FOUND(404),
    QUEUE_NOT_ON_SITE(400),
    ORIGIN_NOT_ALLOWED(403);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The wire form: {@code queue_is_closed}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
