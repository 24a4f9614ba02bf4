package org.carequeue.web.chat;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.agent.Agents;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.chat.ClientFrame;
import org.carequeue.api.chat.ServerFrame;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.audience.AudienceState;
import org.carequeue.audience.Audiences;
import org.carequeue.message.Conversations;
import org.carequeue.message.GroupCommit;
import org.carequeue.message.Posted;
import org.carequeue.message.SocketPost;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;
import org.carequeue.site.SiteOrigins;
import org.carequeue.web.problem.Failures;
import org.carequeue.web.security.RateLimits;

/**
 * The chat socket. The first frame must be {@code auth} with a customer token or an agent's session
 * token; after it, {@code send} stores a message (with others sent meanwhile: {@link GroupCommit})
 * and answers {@code sent} once it committed,
 * {@code resume} replays what the client missed since a seq, and {@code typing} and {@code rtc} go
 * to the other participant of a live audience without being stored ({@link LiveSignals}). A page
 * of another origin gets as far as {@code auth} only if its organization's sites allow it
 * ({@link ChatOrigins}).
 */
@ServerEndpoint(value = ChatEndpoint.PATH, configurator = ChatOrigins.Handshake.class)
public class ChatEndpoint {

    static final String PATH = "/api/ws/chat";

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** A socket that has not sent a valid auth frame by then is closed. */
    static final int AUTH_TIMEOUT_SECONDS = 10;

    @Inject
    ChatSessions sessions;

    @Inject
    Audiences audiences;

    @Inject
    Agents agents;

    @Inject
    Conversations conversations;

    @Inject
    GroupCommit groupCommit;

    @Inject
    LiveSignals liveSignals;

    @Inject
    IceServers iceServers;

    @Inject
    SiteOrigins origins;

    @Inject
    RateLimits rateLimits;

    @OnOpen
    public void onOpen(Session session) {
        // First: setting the timeout restarts the idle timer, which then already skips the container.
        ChatIdleTimers.install(session);
        // Whatever the container's default: the socket's idle task must never act (ChatIdleTimers).
        session.setMaxIdleTimeout(0);
        sessions.opened(session);
        sessions.closeUnlessAuthenticatedWithin(session, AUTH_TIMEOUT_SECONDS);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void onFrame(Session session, String text) {
        ClientFrame frame;
        try {
            frame = ClientFrames.parse(text);
        } catch (InvalidInput e) {
            sessions.send(session, ServerFrame.Error.of(ErrorCode.VALIDATION_FAILED.code(), e.getMessage(), null));
            return;
        }
        Peer peer = ChatSessions.peer(session);
        try {
            if (ClientFrame.AUTH.equals(frame.type())) {
                authenticate(session, peer, frame.token());
            } else if (peer == null) {
                refuse(session, ErrorCode.NOT_AUTHENTICATED, "Send an auth frame first", null);
            } else {
                switch (frame.type()) {
                    case ClientFrame.SEND -> send(session, peer, frame);
                    case ClientFrame.RESUME -> resume(session, peer, frame);
                    case ClientFrame.TYPING, ClientFrame.RTC -> liveSignals.fromChat(peer, frame);
                    case ClientFrame.METADATA -> metadata(session, peer, frame);
                    default -> sessions.send(session, ServerFrame.Error.of(ErrorCode.VALIDATION_FAILED.code(),
                            "Unknown frame type " + frame.type(), null));
                }
            }
        } catch (RuntimeException e) {
            answerFailure(session, e, frame.clientMessageId());
        }
    }

    private void authenticate(Session session, Peer current, String token) {
        if (current != null) {
            sessions.send(session, ServerFrame.Error.of(ErrorCode.VALIDATION_FAILED.code(), "Already authenticated", null));
            return;
        }
        sessions.hold(session);
        try {
            if (token != null && token.startsWith(Tokens.AGENT_PREFIX)) {
                authenticateAgent(session, token);
            } else {
                authenticateCustomer(session, token);
            }
        } catch (RuntimeException e) {
            sessions.release(session);
            throw e;
        }
    }

    private void authenticateAgent(Session session, String token) {
        var agent = agents.authenticate(token)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_AUTHENTICATED, "Unknown or expired token"));
        String origin = (String) session.getUserProperties().get(ChatOrigins.FOREIGN_ORIGIN);
        if (origin != null && !origins.allowedForAgent(agent.agentId(), origin)) {
            throw originNotAllowed(origin);
        }
        sessions.addAgent(session, Peer.agent(token, agent.agentId(), agent.expiresAt()));
        sessions.ready(session, ServerFrame.Ready.agent(audiences.liveHeldBy(agent.agentId()),
                iceServers.forClient()));
    }

    /**
     * Registers the socket first, then tells the database the customer is here: a change that
     * commits in between is in the answer, every later one is pushed (after {@code ready}), and an
     * older socket of the customer that closes meanwhile sees this one.
     */
    private void authenticateCustomer(Session session, String token) {
        AudienceResponse identified = audiences.identifyCustomer(token);
        String audienceId = identified.audienceId();
        String origin = (String) session.getUserProperties().get(ChatOrigins.FOREIGN_ORIGIN);
        if (origin != null && !origins.allowedForAudience(audienceId, origin)) {
            throw originNotAllowed(origin);
        }
        boolean waiting = isWaiting(identified);
        sessions.addCustomer(session, Peer.customer(token, audienceId, identified.queueId()), waiting);
        AudienceResponse audience;
        try {
            audience = audiences.customerConnected(token);
        } catch (RuntimeException e) {
            sessions.remove(session);
            throw e;
        }
        if (!session.isOpen()) {
            // Closed while authenticating: its close handler found nothing registered to clean up.
            sessions.remove(session);
            if (!sessions.hasCustomer(audienceId)) {
                audiences.customerLeft(token);
            }
            return;
        }
        if (waiting && !isWaiting(audience)) {
            sessions.stoppedWaiting(audienceId, audience.queueId());
        }
        sessions.ready(session, ServerFrame.Ready.customer(audienceId, audience.state(), audience.position(),
                audience.etaSeconds(),
                iceServers.forClient()));
    }

    /** A page no site of the organization allows (checked at auth: only then is the organization known). */
    private static BusinessException originNotAllowed(String origin) {
        return new BusinessException(ErrorCode.ORIGIN_NOT_ALLOWED, "This page (" + origin
                + ") may not use this organization's chat");
    }

    private void send(Session session, Peer peer, ClientFrame frame) {
        // The token's bucket (by its hash) is the one its REST posts take from: a client gains nothing by switching.
        Optional<RateLimits.Refused> refused = rateLimits.take(RateLimits.Limit.MESSAGES_PER_TOKEN, Tokens.hash(peer.token()));
        if (refused.isPresent()) {
            sessions.send(session, ServerFrame.Error.of(ErrorCode.RATE_LIMITED.code(), "Too many messages; send again in "
                    + refused.get().retryAfterSeconds() + " s", frame.clientMessageId()));
            return;
        }
        String audienceId = peer.isCustomer() ? peer.audienceId() : frame.audienceId();
        groupCommit.post(peer.isCustomer()
                ? SocketPost.byCustomer(peer.audienceId(), peer.token(), frame.clientMessageId(), frame.text())
                : SocketPost.byAgent(peer.token(), frame.audienceId(), frame.clientMessageId(), frame.text()),
                new GroupCommit.Answer() {
                    @Override
                    public void stored(Posted posted) {
                        // Told after the commit: only now is the message acknowledged.
                        var ack = posted.message();
                        sessions.send(session, ServerFrame.Sent.of(audienceId, ack.clientMessageId(), ack.seq(), ack.sentAt()));
                    }

                    @Override
                    public void failed(RuntimeException failure) {
                        answerFailure(session, failure, frame.clientMessageId());
                    }
                });
    }

    /** The customer's live metadata (a page change, say); agents have none to send. */
    private void metadata(Session session, Peer peer, ClientFrame frame) {
        if (!peer.isCustomer()) {
            sessions.send(session, ServerFrame.Error.of(ErrorCode.VALIDATION_FAILED.code(),
                    "Only the customer sends metadata", null));
            return;
        }
        audiences.updateMetadata(peer.audienceId(), peer.token(), frame.metadata());
    }

    /** Replays everything after {@code since}, page by page. */
    private void resume(Session session, Peer peer, ClientFrame frame) {
        long since = frame.since() == null ? 0 : frame.since();
        List<MessageResponse> page;
        do {
            page = peer.isCustomer()
                    ? conversations.sinceAsCustomer(peer.audienceId(), peer.token(), since)
                    : conversations.sinceWithAgentToken(peer.token(), frame.audienceId(), since);
            for (MessageResponse m : page) {
                sessions.send(session, ServerFrame.Message.of(m));
                since = m.seq();
            }
        } while (page.size() == Conversations.MAX_PAGE);
    }

    private static boolean isWaiting(AudienceResponse audience) {
        return AudienceState.REQUESTED.name().equals(audience.state());
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        Peer peer = ChatSessions.peer(session);
        // Counted per node: a socket of the customer on another node keeps them seen (CustomerPresence).
        if (sessions.remove(session) && peer.isCustomer()) {
            try {
                audiences.customerLeft(peer.token());
                if (sessions.hasCustomer(peer.audienceId())) {
                    // A new socket registered while this one closed: it is present after all.
                    audiences.customerConnected(peer.token());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record that the customer of " + peer.audienceId() + " left", e);
            }
        }
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "Chat socket " + session.getId() + " failed", error);
    }

    private void answerFailure(Session session, RuntimeException e, String clientMessageId) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BusinessException business) {
            if (business.code() == ErrorCode.NOT_AUTHENTICATED || ChatSessions.peer(session) == null
                    && (business.code() == ErrorCode.AUDIENCE_NOT_FOUND || business.code() == ErrorCode.ORIGIN_NOT_ALLOWED)) {
                refuse(session, business.code(), business.getMessage(), clientMessageId);
            } else {
                sessions.send(session, ServerFrame.Error.of(business.code().code(), business.getMessage(), clientMessageId));
            }
        } else if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
            sessions.send(session, ServerFrame.Error.of(ErrorCode.FORBIDDEN.code(), "Not allowed", clientMessageId));
        } else if (Failures.isDatabaseUnreachable(e)) {
            // Before the transient check: a lost connection is also a transient SQL failure.
            LOG.log(Level.WARNING, "The database cannot be reached; answered service_unavailable: {0}", String.valueOf(e));
            sessions.send(session, ServerFrame.Error.of(ErrorCode.SERVICE_UNAVAILABLE.code(),
                    "The database cannot be reached; send it again shortly with the same clientMessageId", clientMessageId));
        } else if (Failures.isTransient(e)) {
            LOG.log(Level.INFO, "Lost a race for a lock; answered service_unavailable: {0}", Failures.innermost(e));
            sessions.send(session, ServerFrame.Error.of(ErrorCode.SERVICE_UNAVAILABLE.code(),
                    "Busy; nothing was stored, send again", clientMessageId));
        } else {
            LOG.log(Level.SEVERE, "Chat frame failed", e);
            sessions.send(session, ServerFrame.Error.of(ErrorCode.INTERNAL_ERROR.code(),
                    "Something went wrong on our side; nothing was stored", clientMessageId));
        }
    }

    /** Answers with an error and closes: the socket cannot go on without valid credentials. */
    private void refuse(Session session, ErrorCode code, String detail, String clientMessageId) {
        sessions.send(session, ServerFrame.Error.of(code.code(), detail, clientMessageId));
        sessions.closeAfterPending(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, code.code()));
    }
}
