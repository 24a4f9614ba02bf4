package org.carequeue.api.queue;

import java.util.List;

/**
 * A queue as its members see it. {@code state} is {@code OPEN} or {@code CLOSED};
 * {@code waitingSince} is when the customer first in line arrived (null when nobody waits);
 * {@code transferQueueIds} the queues its agents may transfer customers to.
 */
public record QueueResponse(String id, String name, String state, boolean suspended, int capacity, int length,
                            String waitingSince, List<String> transferQueueIds) {
}
