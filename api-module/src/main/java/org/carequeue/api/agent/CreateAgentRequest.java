package org.carequeue.api.agent;

/** An operator adds a staff account; {@code role} is AGENT (default), OPERATOR or OWNER; e-mail is optional. */
public record CreateAgentRequest(String username, String name, String email, String password, String role) {
}
