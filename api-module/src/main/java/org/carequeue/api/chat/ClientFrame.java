package org.carequeue.api.chat;

/**
 * Any frame a client sends on {@code /api/ws/chat}; which fields matter depends on {@code type}:
 * <ul>
 *   <li>{@code auth}: {@code token} (a customer token, or an agent's session token)</li>
 *   <li>{@code send}: {@code clientMessageId}, {@code text}; agents add {@code audienceId}</li>
 *   <li>{@code resume}: {@code since} (last seq seen); agents add {@code audienceId}</li>
 * </ul>
 * {@code on} is reserved for the {@code typing} frame of the conversation-features work.
 */
public record ClientFrame(String type, String token, String clientMessageId, String text, Long since,
                          Boolean on, String audienceId) {

    public static ClientFrame auth(String token) {
        return new ClientFrame("auth", token, null, null, null, null, null);
    }

    public static ClientFrame send(String clientMessageId, String text) {
        return new ClientFrame("send", null, clientMessageId, text, null, null, null);
    }

    public static ClientFrame send(String audienceId, String clientMessageId, String text) {
        return new ClientFrame("send", null, clientMessageId, text, null, null, audienceId);
    }

    public static ClientFrame resume(long since) {
        return new ClientFrame("resume", null, null, null, since, null, null);
    }
}
