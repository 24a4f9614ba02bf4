package org.carequeue.api.queue;

/** A queue as its members see it. {@code state} is {@code OPEN} or {@code CLOSED}. */
public record QueueResponse(String id, String name, String state, boolean suspended, int capacity, int length) {
}
