package org.carequeue.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carequeue.site.SiteOrigins;

/**
 * The widget's page ({@code /widget/chat.html?site=KEY}) may be framed only by this server's own
 * pages and the site's allowed origins: another page cannot wrap the chat in its own (clickjacking).
 * An unknown or missing site leaves this server's pages only. (nosniff comes from
 * {@link org.carequeue.web.security.SecurityHeaders}, as on every answer.)
 */
@WebFilter(WidgetFrame.PATH)
public class WidgetFrame extends HttpFilter {

    public static final String PATH = "/widget/chat.html";

    @Inject
    SiteOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> allowed = origins.frameAncestors(request.getParameter("site"));
        // Origins are stored in their canonical form (scheme://host[:port]), so none can add a directive.
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self'"
                + (allowed.isEmpty() ? "" : " " + String.join(" ", allowed)));
        chain.doFilter(request, response);
    }
}
