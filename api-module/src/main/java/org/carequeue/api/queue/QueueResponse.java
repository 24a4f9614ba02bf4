package org.carequeue.api.queue;

/**
 * A queue as its members see it. {@code state} is {@code OPEN} or {@code CLOSED};
 * {@code waitingSince} is when the customer first in line arrived (null when nobody waits).
 * {@code metadataCollection} and {@code secureMetadata} are the queue's metadata settings.
 */
public record QueueResponse(String id, String name, String state, boolean suspended, int capacity, int length,
                            String waitingSince, String metadataCollection, String secureMetadata) {
}
