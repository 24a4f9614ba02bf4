package org.carequeue.audience;

/**
 * The holding agent sent the customer to another queue, where they wait again. {@code agentId} is
 * the agent who transferred them (and no longer holds the audience).
 */
public record AudienceTransferred(String audienceId, String fromQueueId, String toQueueId, String organizationId, String agentId) {
}
