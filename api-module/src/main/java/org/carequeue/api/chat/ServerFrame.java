package org.carequeue.api.chat;

import java.util.List;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.Sender;

/**
 * Frames the server sends on {@code /api/ws/chat}. Each record carries its {@code type} so that
 * JSON-B writes it; build them with the factories.
 */
public final class ServerFrame {

    private ServerFrame() {
    }

    /**
     * The auth frame was accepted: who the socket speaks for. A customer's carries their audience,
     * its state, and while they wait their place in line and the estimated wait ({@code etaSeconds},
     * null without enough history), as the {@code queue} frames that follow do; an agent's lists
     * the live audiences they hold, so a client that reconnected (to any node) knows what to
     * resume. Both carry the STUN/TURN servers for video calls ({@code iceServers}, empty when none
     * are configured).
     */
    public record Ready(String type, String role, String audienceId, String state, Integer position,
                        Integer etaSeconds, List<String> audienceIds, List<IceServer> iceServers) {
        public static Ready customer(String audienceId, String state, Integer position, Integer etaSeconds,
                                     List<IceServer> iceServers) {
            return new Ready("ready", "customer", audienceId, state, position, etaSeconds, null, iceServers);
        }

        public static Ready agent(List<String> audienceIds, List<IceServer> iceServers) {
            return new Ready("ready", "agent", null, null, null, null, audienceIds, iceServers);
        }
    }

    /** A sent message is stored: sent only after its transaction committed. */
    public record Sent(String type, String audienceId, String clientMessageId, long seq, String sentAt) {
        public static Sent of(String audienceId, String clientMessageId, long seq, String sentAt) {
            return new Sent("sent", audienceId, clientMessageId, seq, sentAt);
        }
    }

    /** A stored message, pushed to both sides of the audience: a {@code text} or an {@code attachment}. */
    public record Message(String type, long seq, String audienceId, Sender from, String text,
                          String clientMessageId, String sentAt, AttachmentResponse attachment) {
        public static Message of(MessageResponse m) {
            return new Message("message", m.seq(), m.audienceId(), m.from(), m.text(), m.clientMessageId(),
                    m.sentAt(), m.attachment());
        }
    }

    /**
     * A waiting customer's place in line, and the estimated wait in seconds from the queue's recent
     * picks (null when there is not enough history).
     */
    public record Queue(String type, int position, Integer etaSeconds) {
        public static Queue of(int position, Integer etaSeconds) {
            return new Queue("queue", position, etaSeconds);
        }
    }

    /** The audience changed state (ACCEPTED, FINISHED, DROPPED...). */
    public record State(String type, String audienceId, String state, String agentName) {
        public static State of(String audienceId, String state, String agentName) {
            return new State("state", audienceId, state, agentName);
        }
    }

    /**
     * The other participant of a live audience is typing ({@code on}) or stopped. Not stored. The
     * sender repeats {@code on} about every 3 s while typing; a receiver that heard nothing for
     * about 6 s clears the indicator itself (the sender may have gone without saying so).
     */
    public record Typing(String type, String audienceId, boolean on, Sender from) {
        public static Typing of(String audienceId, boolean on, Sender from) {
            return new Typing("typing", audienceId, on, from);
        }
    }

    /**
     * Video call signalling from the other participant, as they sent it (see {@link ClientFrame}):
     * only the fields of its {@code signal} are carried. Not stored.
     */
    public record Rtc(String type, String audienceId, String signal, String sdp, String candidate, String sdpMid,
                      Integer sdpMLineIndex, Sender from) {
        public static Rtc of(String audienceId, String signal, String sdp, String candidate, String sdpMid,
                             Integer sdpMLineIndex, Sender from) {
            return new Rtc("rtc", audienceId, signal, sdp, candidate, sdpMid, sdpMLineIndex, from);
        }
    }

    /** A frame could not be handled; {@code clientMessageId} names the send it answers, if any. */
    public record Error(String type, String code, String detail, String clientMessageId) {
        public static Error of(String code, String detail, String clientMessageId) {
            return new Error("error", code, detail, clientMessageId);
        }
    }
}
