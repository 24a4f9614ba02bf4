package org.carequeue.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.security.ApiKeys;

/**
 * Records every request an API key authenticated, with the HTTP status it got, after the resource
 * answered (the refusals of the key itself are recorded when it is refused).
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiKeyAudit extends HttpFilter {

    /** Set by the authentication mechanism on a request an API key authenticated. */
    static final String KEY_ID = "carequeue.apiKeyId";
    private static final Logger LOG = Logger.getLogger(ApiKeyAudit.class.getName());

    @Inject
    ApiKeys apiKeys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            Object keyId = request.getAttribute(KEY_ID);
            if (keyId != null) {
                record((String) keyId, request, response.getStatus());
            }
        }
    }

    private void record(String keyId, HttpServletRequest request, int status) {
        try {
            apiKeys.recordUse(keyId, request.getMethod(), path(request), status);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not record a use of API key " + keyId, failed);
        }
    }

    /** The decoded path within the application; never the query string. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
