package org.carequeue.audience;

/** A conversation ended; {@code agentId} is null when nobody had picked it. */
public record AudienceFinished(String audienceId, String queueId, String organizationId, String agentId) {
}
