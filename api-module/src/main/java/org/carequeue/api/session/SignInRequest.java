package org.carequeue.api.session;

/** An agent's credentials for {@code POST /api/v1/sessions}. */
public record SignInRequest(String username, String password) {
}
