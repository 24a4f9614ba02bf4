package org.carequeue.web.push;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carequeue.site.Origins;

/**
 * Browsers send the session cookie with a socket any site's page opens, so the desk's signal
 * socket accepts only handshakes whose {@code Origin} is this host: no cross-site socket hijacking.
 * (Declared filters run before the WebSocket container's own.)
 */
@WebFilter(DeskSocket.PATH)
public class SameOriginSignals extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!Origins.sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The desk's socket opens from the desk only");
            return;
        }
        chain.doFilter(request, response);
    }
}
