package org.carequeue.api.queue;

/**
 * A queue's settings, replaced as a whole; fields added later keep their current value when null.
 * {@code attachments}: who may send files, {@code MEMBERS} (customer and agent), {@code AGENT_ONLY}
 * or {@code NOBODY}.
 */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended,
                                   // attachments track
                                   String attachments) {
}
