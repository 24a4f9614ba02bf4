package org.carequeue.audience;

/** A customer joined a queue. */
public record AudienceRequested(String audienceId, String queueId, String organizationId) {
}
