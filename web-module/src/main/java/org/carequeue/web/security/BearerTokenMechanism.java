package org.carequeue.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import org.carequeue.agent.Agents;
import org.carequeue.platform.Tokens;

/**
 * Turns an agent's {@code Authorization: Bearer cqa_...} into the container caller (name = agent id,
 * groups = roles), so that {@code @RolesAllowed} on the boundaries decides. Requests without such a
 * token stay anonymous: public calls work, protected ones get a problem+json 401 from the boundary.
 * Customer tokens ({@code cqc_...}) are not callers; the boundaries check them per audience.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    Agents agents;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String token = bearerToken(request);
        if (token == null || !token.startsWith(Tokens.AGENT_PREFIX)) {
            return context.doNothing();
        }
        return agents.authenticate(token)
                .map(agent -> context.notifyContainerAboutLogin(agent.agentId(), new HashSet<>(agent.roles())))
                .orElseGet(context::doNothing);
    }

    public static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
    }
}
