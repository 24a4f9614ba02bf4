package org.carequeue.audience;

/** An agent picked a waiting customer; carries the agent's name so pushes need no query. */
public record AudienceAccepted(String audienceId, String queueId, String agentId, String agentName) {
}
