package org.carequeue.api.audience;

/**
 * An audience's state. {@code position} is set while REQUESTED, {@code agentName} once ACCEPTED.
 */
public record AudienceResponse(String audienceId, String queueId, String state, Integer position,
                               String agentName, String customerName, String requestedAt,
                               String acceptedAt, String endedAt) {
}
