package org.carequeue.web.chat;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.chat.ClientFrame;
import org.carequeue.api.chat.ServerFrame;
import org.carequeue.api.message.Sender;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.audience.Participant;
import org.carequeue.audience.Participants;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.problem.Failures;

/**
 * The frames that go from one participant of a live audience to the other without being stored:
 * {@code typing} and the video call signalling {@code rtc}. They come from the chat socket (customers,
 * agents' API clients) and from the desk's signal socket; {@link Participants} says whether the
 * sender takes part in a live audience (and, for starting a call, whether the queue lets their
 * side), and the frame goes to the other side only, on whichever node its sockets are, through the
 * {@code ClusterRelay} ({@link PeerSignal}). Nothing is written, so there is no transaction to wait
 * for; a frame lost with a node is simply not seen (typing clears itself, a call is retried).
 */
@ApplicationScoped
public class LiveSignals {

    /** Chromium's offers with audio and video are 5-10 KB; this leaves room without inviting floods. */
    public static final int MAX_SDP_CHARS = 32_000;
    public static final int MAX_CANDIDATE_CHARS = 2_000;
    static final int MAX_SDP_MID_CHARS = 64;
    static final int MAX_SDP_M_LINE_INDEX = 1_023;
    /** A desk frame is a typing flag or call signalling; an SDP is its largest part. */
    public static final int MAX_DESK_FRAME_BYTES = 64 * 1024;
    static final Set<String> SIGNALS = Set.of("call", "pick-up", "busy", "offer", "answer", "ice-candidate",
            "hang-up");
    /** The signals that start a call; the queue's video setting decides which side may send them. */
    static final Set<String> STARTING = Set.of("call", "offer");

    private static final Logger LOG = Logger.getLogger(LiveSignals.class.getName());

    @Inject
    Participants participants;

    @Inject
    Event<PeerSignal> relay;

    /** A typing or rtc frame of a chat socket; a customer's belongs to their own audience only. */
    void fromChat(Peer peer, ClientFrame frame) {
        ClientFrames.validateSignal(frame);
        Participant from = peer.isCustomer()
                ? participants.customer(peer.token(), frame.audienceId() == null ? peer.audienceId() : frame.audienceId())
                : participants.agentWithToken(peer.token(), frame.audienceId());
        forward(from, frame);
    }

    /**
     * A frame of the desk's signal socket, whose agent the container authenticated.
     *
     * @return the error frame's JSON to answer with, or null when the frame went on its way
     */
    public String fromDesk(String agentId, String text) {
        try {
            ClientFrame frame = ClientFrames.parse(text);
            ClientFrames.validateSignal(frame);
            forward(participants.agent(agentId, frame.audienceId()), frame);
            return null;
        } catch (RuntimeException e) {
            return ChatSessions.JSON.toJson(errorFor(e));
        }
    }

    private void forward(Participant from, ClientFrame frame) {
        Sender sender = new Sender(from.role(), from.name());
        Object out;
        if (ClientFrame.TYPING.equals(frame.type())) {
            out = ServerFrame.Typing.of(from.audienceId(), frame.on(), sender);
        } else {
            if (STARTING.contains(frame.signal())) {
                from.requireMayStartCall();
            }
            boolean session = "offer".equals(frame.signal()) || "answer".equals(frame.signal());
            boolean candidate = "ice-candidate".equals(frame.signal());
            out = ServerFrame.Rtc.of(from.audienceId(), frame.signal(), session ? frame.sdp() : null,
                    candidate ? frame.candidate() : null, candidate ? frame.sdpMid() : null,
                    candidate ? frame.sdpMLineIndex() : null, sender);
        }
        String recipient = from.isCustomer() ? Participant.AGENT : Participant.CUSTOMER;
        relay.fire(new PeerSignal(from.audienceId(), from.agentId(), recipient, ChatSessions.JSON.toJson(out)));
    }

    /** The error frame for a refused desk frame, with the same codes the chat socket answers. */
    private static ServerFrame.Error errorFor(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BusinessException business) {
            return ServerFrame.Error.of(business.code().code(), business.getMessage(), null);
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
            return ServerFrame.Error.of(ErrorCode.FORBIDDEN.code(), "Not allowed", null);
        }
        if (Failures.isTransient(e) || Failures.isDatabaseUnreachable(e)) {
            return ServerFrame.Error.of(ErrorCode.SERVICE_UNAVAILABLE.code(), "Busy; send again", null);
        }
        LOG.log(Level.SEVERE, "A desk frame failed", e);
        return ServerFrame.Error.of(ErrorCode.INTERNAL_ERROR.code(), "Something went wrong on our side", null);
    }
}
