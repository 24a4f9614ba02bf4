package org.carequeue.api.session;

/** A bearer token for the agent API and the agent socket, valid until {@code expiresAt}. */
public record SessionResponse(String token, String expiresAt) {
}
