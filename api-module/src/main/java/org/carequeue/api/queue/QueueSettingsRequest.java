package org.carequeue.api.queue;

/**
 * A queue's settings, replaced as a whole; for the fields after {@code suspended} a null keeps the
 * current value. {@code metadataCollection}: ALL, NO_IP (default) or NONE; {@code secureMetadata}:
 * REQUIRED, OPTIONAL (default) or IGNORED.
 */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended,
                                   String metadataCollection, String secureMetadata) {
}
