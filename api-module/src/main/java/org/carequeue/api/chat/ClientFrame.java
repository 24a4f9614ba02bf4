package org.carequeue.api.chat;

import java.util.Map;

/**
 * Any frame a client sends on {@code /api/ws/chat}; which fields matter depends on {@code type}:
 * <ul>
 *   <li>{@code auth}: {@code token} (a customer token, or an agent's session token)</li>
 *   <li>{@code send}: {@code clientMessageId}, {@code text}; agents add {@code audienceId}</li>
 *   <li>{@code resume}: {@code since} (last seq seen); agents add {@code audienceId}</li>
 *   <li>{@code typing}: {@code on} (true while typing, repeated about every 3 s; false when the text
 *   was sent or cleared); agents add {@code audienceId}. Not stored.</li>
 *   <li>{@code rtc}: video call signalling, relayed to the other participant and not stored:
 *   {@code signal} is {@code call}, {@code pick-up}, {@code busy}, {@code offer} (with {@code sdp}),
 *   {@code answer} (with {@code sdp}), {@code ice-candidate} (with {@code candidate} and, as the
 *   browser gives them, {@code sdpMid} and {@code sdpMLineIndex}) or {@code hang-up}; agents add
 *   {@code audienceId}. {@code call} and {@code offer} only from a side the queue's {@code video}
 *   setting lets start calls (the caller sends the offer once the other side picked up).</li>
 *   <li>{@code metadata} (customers): {@code metadata}, live metadata merged as
 *   {@code PUT /api/v1/audiences/{id}/metadata} merges it; answered only when refused.</li>
 * </ul>
 * The types are the constants below; the AsyncAPI document (asyncapi.yaml beside these classes'
 * jar root) describes each, and a test holds the two together.
 */
public record ClientFrame(String type, String token, String clientMessageId, String text, Long since,
                          Boolean on, String audienceId, String signal, String sdp, String candidate,
                          String sdpMid, Integer sdpMLineIndex, Map<String, String> metadata) {

    public static final String AUTH = "auth";
    public static final String SEND = "send";
    public static final String RESUME = "resume";
    public static final String TYPING = "typing";
    public static final String RTC = "rtc";
    public static final String METADATA = "metadata";

    public static ClientFrame auth(String token) {
        return new ClientFrame(AUTH, token, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static ClientFrame send(String clientMessageId, String text) {
        return new ClientFrame(SEND, null, clientMessageId, text, null, null, null, null, null, null, null, null, null);
    }

    public static ClientFrame send(String audienceId, String clientMessageId, String text) {
        return new ClientFrame(SEND, null, clientMessageId, text, null, null, audienceId, null, null, null, null, null, null);
    }

    public static ClientFrame resume(long since) {
        return new ClientFrame(RESUME, null, null, null, since, null, null, null, null, null, null, null, null);
    }

    public static ClientFrame typing(String audienceId, boolean on) {
        return new ClientFrame(TYPING, null, null, null, null, on, audienceId, null, null, null, null, null, null);
    }

    /** Call signalling without a candidate: {@code sdp} for offer and answer, null for the others. */
    public static ClientFrame rtc(String audienceId, String signal, String sdp) {
        return new ClientFrame(RTC, null, null, null, null, null, audienceId, signal, sdp, null, null, null, null);
    }

    public static ClientFrame iceCandidate(String audienceId, String candidate, String sdpMid, Integer sdpMLineIndex) {
        return new ClientFrame(RTC, null, null, null, null, null, audienceId, "ice-candidate", null, candidate,
                sdpMid, sdpMLineIndex, null);
    }
}
