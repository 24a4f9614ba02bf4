package org.carequeue.web.push;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desk's signal socket. It lives under {@code /desk/}, so the container lets only a signed-in
 * agent's session open it (web.xml), and {@link SameOriginSignals} refuses other sites' pages; the
 * caller principal names the agent. It carries signals only (see {@link DeskPush}); the page
 * re-reads what they point at.
 * <p>
 * (Faces' own {@code <f:websocket>} endpoint is not used: on Payara Micro 6 its programmatic
 * registration made Tyrus drop the application's annotated endpoints on some starts.)
 */
@ServerEndpoint(DeskSocket.PATH)
public class DeskSocket {

    public static final String PATH = "/desk/signals";
    private static final Logger LOG = Logger.getLogger(DeskSocket.class.getName());

    @Inject
    DeskSockets sockets;

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in first"));
            return;
        }
        sockets.opened(session.getUserPrincipal().getName(), session);
    }

    @OnClose
    public void onClose(Session session) {
        sockets.closed(session);
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Desk socket failed", failure);
        sockets.closed(session);
    }
}
