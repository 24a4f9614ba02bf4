package org.carequeue.api.agent;

import java.util.List;

/** A staff account. */
public record AgentResponse(String agentId, String organizationId, String username, String name, List<String> roles) {
}
