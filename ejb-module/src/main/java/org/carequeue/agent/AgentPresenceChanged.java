package org.carequeue.agent;

/** An agent opened their first desk on a node or closed their last one there. */
public record AgentPresenceChanged(String agentId, String organizationId) {
}
