package org.carequeue.queue;

/** A queue was opened, closed, set up, given other members or deleted: what desks show of it changed. */
public record QueueChanged(String queueId, String organizationId) {
}
