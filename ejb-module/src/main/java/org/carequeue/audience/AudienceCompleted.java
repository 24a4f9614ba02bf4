package org.carequeue.audience;

/** A finished conversation completed and left the agent's sidebar. */
public record AudienceCompleted(String audienceId, String queueId, String agentId) {
}
