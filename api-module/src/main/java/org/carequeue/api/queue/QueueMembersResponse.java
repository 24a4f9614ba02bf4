package org.carequeue.api.queue;

import java.util.List;

/** A queue as its organization's operators manage it: the queue and the ids of its member agents. */
public record QueueMembersResponse(QueueResponse queue, List<String> memberIds) {
}
