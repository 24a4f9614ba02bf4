package org.carequeue.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.web.problem.Problems;

/**
 * Refuses at once a request with a body that asks to upgrade plain HTTP to HTTP/2 ({@code Upgrade:
 * h2c}, what the JDK's HttpClient sends by default). HTTP/2 is off (src-config/pre-boot.asadmin:
 * Grizzly keeps every finished stream of a connection), and Grizzly then takes the body for the
 * upgraded protocol's bytes: reading it would wait 30 s and fail. A clear 400 tells the client to
 * send HTTP/1.1; requests without a body are served as HTTP/1.1.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CleartextHttp2Upgrades extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // A server with HTTP/2 on (a Payara Server left at its defaults) upgrades first: HTTP/2.0 here.
        if (asksForH2c(request) && hasBody(request) && "HTTP/1.1".equals(request.getProtocol())) {
            // The unread body stays on the connection: nothing after it can be read as a request.
            response.setHeader("Connection", "close");
            Problems.write(response, ErrorCode.H2C_NOT_SUPPORTED,
                    "HTTP/2 over plain HTTP (Upgrade: h2c) is not supported and the body could not be read;"
                            + " send the request over HTTP/1.1, or over HTTPS");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean asksForH2c(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("h2c");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
