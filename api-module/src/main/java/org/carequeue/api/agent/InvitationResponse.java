package org.carequeue.api.agent;

/**
 * A new agent invited to choose their own password: the account and the link's token, which is
 * shown this once (only its hash is stored) and works until {@code expiresAt}.
 */
public record InvitationResponse(AgentResponse agent, String token, String expiresAt) {
}
