package org.carequeue.api.agent;

import java.util.List;

/** A staff account; {@code roles} are the security roles its organization role grants. */
public record AgentResponse(String agentId, String organizationId, String username, String name, String email,
                            List<String> roles) {
}
