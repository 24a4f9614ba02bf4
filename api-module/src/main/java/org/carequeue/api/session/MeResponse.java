package org.carequeue.api.session;

import java.util.List;
import org.carequeue.api.queue.QueueResponse;

/** The signed-in agent: organization, organization roles and the queues they are a member of. */
public record MeResponse(String agentId, String username, String name, String organizationId,
                         String organizationName, List<String> roles, List<QueueResponse> queues) {
}
