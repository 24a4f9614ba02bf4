package org.carequeue.web.chat;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import org.carequeue.site.Origins;
import org.carequeue.site.SiteOrigins;

/**
 * The chat socket's origin check, in two steps. At the handshake (this filter; declared filters
 * run before the WebSocket container's own) a browser page whose {@code Origin} no site of any
 * organization allows is refused with 403: before {@code auth} nobody knows whose chat it is. A
 * handshake without an Origin (a server) or from this server's own pages passes. At {@code auth},
 * {@link ChatEndpoint} checks a foreign origin again against the sites of the audience's (or the
 * agent's) organization; {@link Handshake} hands it the origin.
 */
@WebFilter(ChatEndpoint.PATH)
public class ChatOrigins extends HttpFilter {

    /** The session's user property holding a foreign origin that {@code auth} must check; absent otherwise. */
    static final String FOREIGN_ORIGIN = "carequeue.foreignOrigin";

    @Inject
    SiteOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !Origins.sameOrigin(origin, request.getHeader("Host")) && !origins.allowedAnywhere(origin)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This page may not open the chat");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Keeps a foreign {@code Origin} of the handshake in the new session's user properties
     * (WebSocket 2.1 copies them per connection), for the check at {@code auth}.
     */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String origin = header(request, "Origin");
            config.getUserProperties().remove(FOREIGN_ORIGIN);
            if (origin != null && !Origins.sameOrigin(origin, header(request, "Host"))) {
                config.getUserProperties().put(FOREIGN_ORIGIN, origin);
            }
        }

        private static String header(HandshakeRequest request, String name) {
            return request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
