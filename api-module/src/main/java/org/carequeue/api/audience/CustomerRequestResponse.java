package org.carequeue.api.audience;

/**
 * Answer to a customer's request. The {@code customerToken} is shown only here: it is the
 * customer's only key to the audience (HTTP {@code Authorization: Bearer} and the socket's auth frame).
 */
public record CustomerRequestResponse(String audienceId, String customerToken, String state, int position) {
}
