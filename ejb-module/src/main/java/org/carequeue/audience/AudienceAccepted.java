package org.carequeue.audience;

/** An agent picked a waiting customer; carries the organization and the agent's name so pushes need no query. */
public record AudienceAccepted(String audienceId, String queueId, String organizationId, String agentId, String agentName) {
}
