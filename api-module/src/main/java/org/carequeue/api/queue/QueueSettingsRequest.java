package org.carequeue.api.queue;

import java.util.List;

/**
 * A queue's settings, replaced as a whole; of the fields added later, a null keeps the current
 * value ({@code transferQueueIds}: the queues its agents may transfer customers to).
 */
public record QueueSettingsRequest(String name, Integer capacity, Boolean suspended, List<String> transferQueueIds) {
}
