package org.carequeue.audience;

/** A waiting customer left, or their socket was gone past the grace period. */
public record AudienceDropped(String audienceId, String queueId, String organizationId) {
}
