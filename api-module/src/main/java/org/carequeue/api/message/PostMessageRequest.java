package org.carequeue.api.message;

/**
 * A message to post. {@code clientMessageId} is chosen by the sender and unique per audience and
 * side: posting it again returns the message already stored, so retries never make copies.
 */
public record PostMessageRequest(String clientMessageId, String text) {

    /** Longest text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Longest client message id accepted, in characters. */
    public static final int MAX_CLIENT_MESSAGE_ID_LENGTH = 100;
}
