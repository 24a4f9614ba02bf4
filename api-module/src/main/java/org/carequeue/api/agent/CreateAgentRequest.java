package org.carequeue.api.agent;

/** An operator adds a staff account; {@code role} is {@code AGENT} (default), {@code OPERATOR} or {@code OWNER}. */
public record CreateAgentRequest(String username, String name, String password, String role) {
}
