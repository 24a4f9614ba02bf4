package org.carequeue.audience;

/** The customer's live metadata changed; {@code agentId} is null while nobody holds the audience. */
public record CustomerMetadataChanged(String audienceId, String agentId) {
}
