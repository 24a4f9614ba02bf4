package org.carequeue.message;

/**
 * A text message from a chat socket, which carries its sender's token instead of a container
 * caller: the customer's token with their audience, or an agent's session token with the audience
 * they hold. Posted one by one or, under load, several in one transaction ({@link GroupCommit}).
 */
public record SocketPost(boolean byCustomer, String token, String audienceId, String clientMessageId, String text) {

    public static SocketPost byCustomer(String audienceId, String customerToken, String clientMessageId, String text) {
        return new SocketPost(true, customerToken, audienceId, clientMessageId, text);
    }

    public static SocketPost byAgent(String agentToken, String audienceId, String clientMessageId, String text) {
        return new SocketPost(false, agentToken, audienceId, clientMessageId, text);
    }
}
