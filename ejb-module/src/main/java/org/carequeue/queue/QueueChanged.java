package org.carequeue.queue;

import java.util.Set;

/**
 * A queue was opened, closed, set up, given other members or deleted: what desks show of it
 * changed. {@code formerMembers} are agents who left it in this change: their desks still show it.
 */
public record QueueChanged(String queueId, String organizationId, Set<String> formerMembers) {
}
