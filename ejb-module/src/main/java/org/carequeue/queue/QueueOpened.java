package org.carequeue.queue;

/** A queue started taking customers; {@code agentId} is null when a schedule opened it. */
public record QueueOpened(String queueId, String organizationId, String agentId) {
}
