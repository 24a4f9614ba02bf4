package org.carequeue.api.chat;

import java.util.Map;

/**
 * Any frame a client sends on {@code /api/ws/chat}; which fields matter depends on {@code type}:
 * <ul>
 *   <li>{@code auth}: {@code token} (a customer token, or an agent's session token)</li>
 *   <li>{@code send}: {@code clientMessageId}, {@code text}; agents add {@code audienceId}</li>
 *   <li>{@code resume}: {@code since} (last seq seen); agents add {@code audienceId}</li>
 * </ul>
 * {@code on} is reserved for the {@code typing} frame of the conversation-features work.
 * {@code metadata} (customers): the {@code metadata} frame's live metadata, merged as
 * {@code PUT /api/v1/audiences/{id}/metadata} merges it; it is answered only when refused.
 */
public record ClientFrame(String type, String token, String clientMessageId, String text, Long since,
                          Boolean on, String audienceId, Map<String, String> metadata) {

    public static ClientFrame auth(String token) {
        return new ClientFrame("auth", token, null, null, null, null, null, null);
    }

    public static ClientFrame send(String clientMessageId, String text) {
        return new ClientFrame("send", null, clientMessageId, text, null, null, null, null);
    }

    public static ClientFrame send(String audienceId, String clientMessageId, String text) {
        return new ClientFrame("send", null, clientMessageId, text, null, null, audienceId, null);
    }

    public static ClientFrame resume(long since) {
        return new ClientFrame("resume", null, null, null, since, null, null, null);
    }
}
