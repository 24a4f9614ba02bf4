package org.carequeue.api.queue;

/** A queue's settings, replaced as a whole. */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended) {
}
