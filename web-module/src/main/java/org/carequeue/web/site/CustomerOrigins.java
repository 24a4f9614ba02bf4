package org.carequeue.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.Tokens;
import org.carequeue.site.Origins;
import org.carequeue.site.SiteOrigins;
import org.carequeue.web.problem.Problems;
import org.carequeue.web.security.AgentAuthentication;

/**
 * The customer side of the API answers a page only if that page may embed the organization's
 * widget: a call with an {@code Origin} header (a browser's) passes when it is this server's own
 * (the widget's frame) or one a site of the organization concerned allows; anything else is 403
 * {@code origin_not_allowed}. A call without one (another server) passes. The organization is the
 * queue's for a request or a contact, the audience's for a customer's audience calls, the site's for
 * the public read of a site. Agents' and operators' calls carry bearer tokens that no page has, so
 * they are not checked here.
 */
@WebFilter("/api/*")
public class CustomerOrigins extends HttpFilter {

    // A final "/" reaches the same resource method in JAX-RS, so the patterns take it too.
    private static final Pattern QUEUE_CALL = Pattern.compile("/api/v1/queues/([^/]+)/(?:requests|contacts)/?");
    private static final Pattern AUDIENCE_CALL = Pattern.compile("/api/v1/audiences/([^/]+)(?:/.*)?");
    private static final Pattern SITE_READ = Pattern.compile("/api/v1/sites/([^/]+)/?");

    @Inject
    SiteOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || Origins.sameOrigin(origin, request.getHeader("Host")) || allowed(request, origin)) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, ErrorCode.ORIGIN_NOT_ALLOWED, "This page (" + origin
                + ") may not use this organization's chat; an operator adds it to a site's allowed origins");
    }

    private boolean allowed(HttpServletRequest request, String origin) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String bearer = AgentAuthentication.bearerToken(request);
        Matcher m = QUEUE_CALL.matcher(path);
        if (m.matches() && "POST".equals(request.getMethod())) {
            return origins.allowedForQueue(m.group(1), origin);
        }
        m = AUDIENCE_CALL.matcher(path);
        if (m.matches() && bearer != null && bearer.startsWith(Tokens.CUSTOMER_PREFIX)) {
            return origins.allowedForAudience(m.group(1), origin);
        }
        m = SITE_READ.matcher(path);
        if (m.matches() && "GET".equals(request.getMethod()) && bearer == null) {
            return origins.allowedForSite(m.group(1), origin);
        }
        return true;
    }
}
