package org.carequeue.agent;

import java.util.List;

/** An authenticated agent: what the identity store and the agent socket need to know. */
public record CallerIdentity(String agentId, String organizationId, String name, List<String> roles) {
}
