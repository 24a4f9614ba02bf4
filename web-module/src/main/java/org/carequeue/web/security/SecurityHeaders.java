package org.carequeue.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carequeue.web.rest.ClientAddresses;

/**
 * The response headers every answer carries (OWASP ASVS 3.4): {@code nosniff} everywhere, so a
 * browser never runs what it guessed to be a script; a referrer policy that keeps paths and
 * queries (audience ids, tokens) from other sites; HSTS only when the browser came over TLS (a
 * header sent over plain HTTP would be ignored at best, and would pin a site that has no TLS at
 * worst); and for the API a policy that lets nothing run or frame an answer. Faces pages get their
 * Content-Security-Policy from PrimeFaces' nonce mode (web.xml, {@code primefaces.CSP}), which
 * knows the nonce of each page. The embeddable widget and its demo page ({@code /widget/*},
 * {@code /demo/*}) get nosniff only: whose pages may frame them is the site's setting, not ours.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String HSTS = "max-age=31536000";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    ClientAddresses clientAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getServletPath();
        if (!path.startsWith("/widget/") && !path.startsWith("/demo/")) {
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            if (clientAddresses.overTls(request)) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            if (path.equals("/api") || path.startsWith("/api/")) {
                // A resource that serves files sets its own sandboxing policy in place of this one.
                response.setHeader("Content-Security-Policy", API_POLICY);
            }
        }
        chain.doFilter(request, response);
    }
}
