package org.carequeue.audience;

import java.util.Set;

/**
 * A customer joined a queue; carries the queue's members (the arrival read them with the queue)
 * so that pushes to their desks need no query.
 */
public record AudienceRequested(String audienceId, String queueId, String organizationId, Set<String> queueMemberIds) {
}
