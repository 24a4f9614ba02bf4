package org.carequeue.api.agent;

/** Self-service sign-up: a new organization and its owner's account. */
public record SignUpRequest(String organizationName, String username, String name, String password) {
}
