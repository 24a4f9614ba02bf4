package org.carequeue.api.queue;

/** A new queue; {@code capacity} defaults to 100. New queues start closed. */
public record CreateQueueRequest(String name, Integer capacity) {
}
