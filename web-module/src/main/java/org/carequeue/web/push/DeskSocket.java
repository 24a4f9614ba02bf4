package org.carequeue.web.push;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.statistics.LiveDashboard;
import org.carequeue.web.chat.LiveSignals;

/**
 * The desk's signal socket. It lives under {@code /desk/}, so the container lets only a signed-in
 * agent's session open it (web.xml), and {@link SameOriginSignals} refuses other sites' pages; the
 * caller principal names the agent. It carries signals (see {@link DeskPush}), which make the page
 * re-read what they point at, and the typing and call frames of the conversations the agent holds,
 * both ways.
 * <p>
 * (Faces' own {@code <f:websocket>} endpoint is not used: on Payara Micro 6 its programmatic
 * registration made Tyrus drop the application's annotated endpoints on some starts.)
 */
@ServerEndpoint(DeskSocket.PATH)
public class DeskSocket {

    public static final String PATH = "/desk/signals";
    private static final String WATCH = "watch";
    private static final String DASHBOARD = "dashboard";
    private static final Logger LOG = Logger.getLogger(DeskSocket.class.getName());
    /**
     * A desk whose computer sleeps or loses its network closes nothing: without frames for this
     * long the socket is closed, so the agent stops counting as online. Pages ping every 20 s;
     * browsers may slow a hidden tab's timers to once a minute, hence the margin.
     */
    private static final long IDLE_TIMEOUT_MILLIS = 150_000;
    private static final String PING = "{\"type\":\"ping\"}";

    @Inject
    DeskSockets sockets;

    @Inject
    LiveSignals liveSignals;

    @Inject
    DeskPresenceReports presence;

    @Inject
    LiveDashboard dashboard;

    /**
     * A desk, or with {@code ?watch=dashboard} an operator's live dashboard, which gets the
     * organization's dashboard signals only and does not count its operator as at a desk.
     */
    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in first"));
            return;
        }
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        String agentId = session.getUserPrincipal().getName();
        if (session.getRequestParameterMap().getOrDefault(WATCH, List.of()).contains(DASHBOARD)) {
            Optional<String> organizationId = dashboard.organizationWatchedBy(agentId);
            if (organizationId.isEmpty()) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Operators only"));
                return;
            }
            sockets.watching(organizationId.get(), agentId, session);
        } else if (sockets.opened(agentId, session)) {
            presence.firstDeskOpened(agentId);
        }
    }

    /**
     * The desk's own frames: {@code typing} and {@code rtc}, as on the chat socket. The desk sends
     * them here rather than over a chat socket because this socket is already the signed-in
     * agent's (session, same origin), so the page needs no bearer token.
     */
    @OnMessage(maxMessageSize = LiveSignals.MAX_DESK_FRAME_BYTES)
    public void onFrame(Session session, String text) {
        Object agentId = session.getUserProperties().get(DeskSockets.AGENT_ID);
        if (agentId == null || PING.equals(text)) {
            return;
        }
        String refusal = liveSignals.fromDesk((String) agentId, text);
        if (refusal != null && session.isOpen()) {
            session.getAsyncRemote().sendText(refusal);
        }
    }

    @OnClose
    public void onClose(Session session) {
        closed(session);
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Desk socket failed", failure);
        closed(session);
    }

    private void closed(Session session) {
        String agentGone = sockets.closed(session);
        if (agentGone != null) {
            presence.lastDeskClosed(agentGone);
        }
    }
}
