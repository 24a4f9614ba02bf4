package org.carequeue.api.queue;

import java.util.List;

/** One page of the organization's queues by name; {@code nextCursor} fetches the next (null: no more). */
public record QueuesPage(List<QueueResponse> items, String nextCursor) {
}
