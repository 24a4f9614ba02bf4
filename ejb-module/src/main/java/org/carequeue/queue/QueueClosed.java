package org.carequeue.queue;

/** A queue stopped taking customers; {@code agentId} is null when a schedule closed it. */
public record QueueClosed(String queueId, String organizationId, String agentId) {
}
