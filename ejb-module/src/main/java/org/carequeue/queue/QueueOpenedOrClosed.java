package org.carequeue.queue;

/**
 * A queue opened or closed: {@code state} is its new state; {@code agentId} is who did it, null
 * when its schedule did.
 */
public record QueueOpenedOrClosed(String queueId, String organizationId, QueueState state, String agentId) {
}
