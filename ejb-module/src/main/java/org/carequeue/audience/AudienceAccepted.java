package org.carequeue.audience;

import java.util.Set;

/**
 * An agent picked a waiting customer; carries the organization, the agent's name and the queue's
 * members (the pick read them to check the picker's access) so that pushes need no query.
 */
public record AudienceAccepted(String audienceId, String queueId, String organizationId, String agentId, String agentName,
                               Set<String> queueMemberIds) {
}
