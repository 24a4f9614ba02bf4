package org.carequeue.agent;

/** An operator removed an agent from the organization (and from all its queues). */
public record AgentRemoved(String agentId, String organizationId) {
}
