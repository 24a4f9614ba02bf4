package org.carequeue.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carequeue.agent.AgentPrincipal;
import org.carequeue.agent.Agents;
import org.carequeue.agent.CallerIdentity;
import org.carequeue.agent.InvalidCredentials;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.Clock;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.Tokens;
import org.carequeue.security.ApiKeyCaller;
import org.carequeue.security.ApiKeys;
import org.carequeue.web.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one authentication mechanism of the application; the caller's name is the agent id and
 * the groups are the roles, so that {@code @RolesAllowed} on the boundaries decides. A signed-in
 * agent's principal is an {@link AgentPrincipal} with what was read of the agent here, which
 * boundaries use instead of reading the agent again ({@code Callers.identity}).
 * <ul>
 * <li>{@code /api/**}: {@code Authorization: Bearer cqa_...} (an agent's session) or
 * {@code Bearer cqk_...} (an organization's API key) only. Cookies never authenticate the API, so a
 * foreign page cannot make a signed-in browser call it. Customer tokens ({@code cqc_...}) are not
 * callers; the boundaries check them per audience. An API key is the agent it acts as with its
 * scopes as groups (see {@code org.carequeue.security}); a wrong or revoked key gets 401
 * {@code invalid_api_key}, and a key anywhere in the URL 400 {@code api_key_in_url}.</li>
 * <li>Pages: the sign-in form hands a {@link UsernamePasswordCredential} over
 * {@code SecurityContext.authenticate}; on success the session id changes (no fixation) and the
 * session holds the agent id. Every request reads the agent again, so a removed agent is out at
 * once. A session older than the agent session length ends however busy it was.</li>
 * </ul>
 */
@ApplicationScoped
public class AgentAuthentication implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    private static final String SESSION_AGENT = "carequeue.agentId";
    private static final String SESSION_SIGNED_IN_AT = "carequeue.signedInAt";
    private static final String BEARER = "Bearer ";

    /** A whole key (not the same letters inside another token, such as a customer's): prefix and 43 base64url characters. */
    private static final Pattern KEY_IN_TEXT = Pattern.compile("(?<![A-Za-z0-9_-])" + Tokens.API_KEY_PREFIX
            + "[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    @Inject
    Agents agents;

    @Inject
    ApiKeys apiKeys;

    /** A signed-in desk session ends after this long without a request (minutes, fractions allowed). */
    @Inject
    @ConfigProperty(name = "carequeue.desk.idle-minutes", defaultValue = "30")
    double idleMinutes;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return bearer(request, response, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(request, context, credential);
        }
        Optional<CallerIdentity> agent = sessionAgent(request);
        if (agent.isPresent()) {
            return notify(context, agent.get());
        }
        if (context.isProtected()) {
            return toSignIn(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * Sends an anonymous visitor of a page to the sign-in page, to come back afterwards. An ajax
     * request (a desk whose session ended) cannot follow an HTTP redirect to a page, so it gets
     * Faces' own redirect, back to the page it came from.
     */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
        String back = ajax ? pageOfAjax(request) : requestedPath(request);
        String signIn = request.getContextPath() + SIGN_IN_PAGE
                + (back == null ? "" : "?continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        if (!ajax) {
            return context.redirect(signIn);
        }
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                    + signIn.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        if (keyInUrl(request)) {
            return refuse(response, ErrorCode.API_KEY_IN_URL,
                    "API keys go only in the Authorization header: a URL ends up in logs and browser histories");
        }
        String token = bearerToken(request);
        if (token != null && token.startsWith(Tokens.API_KEY_PREFIX)) {
            return apiKey(request, response, context, token);
        }
        if (token == null || !token.startsWith(Tokens.AGENT_PREFIX)) {
            return context.doNothing();
        }
        return agents.authenticate(token).map(agent -> notify(context, agent)).orElseGet(context::doNothing);
    }

    /**
     * An API key makes the agent it acts as the caller, with the key's scopes as the only groups;
     * the request is marked so that {@link ApiKeyAudit} records its outcome. A wrong or revoked key
     * is refused at once: falling through to an anonymous call would hide the mistake.
     */
    private AuthenticationStatus apiKey(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String key) {
        Optional<ApiKeyCaller> caller = apiKeys.authenticate(key, request.getMethod(), ApiKeyAudit.path(request));
        if (caller.isEmpty()) {
            return refuse(response, ErrorCode.INVALID_API_KEY, "The API key is wrong or has been revoked");
        }
        request.setAttribute(ApiKeyAudit.KEY_ID, caller.get().keyId());
        return context.notifyContainerAboutLogin(caller.get().agentId(), new HashSet<>(caller.get().groups()));
    }

    /** Any part of the query string or path that is shaped like an API key, encoded or not. */
    private static boolean keyInUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        String decodedQuery;
        try {
            decodedQuery = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decodedQuery = query;
        }
        return KEY_IN_TEXT.matcher(decodedQuery).find() || KEY_IN_TEXT.matcher(ApiKeyAudit.path(request)).find();
    }

    /** The mechanism answers itself (problem+json); the resource is not called. */
    private static AuthenticationStatus refuse(HttpServletResponse response, ErrorCode code, String detail) {
        try {
            if (code == ErrorCode.INVALID_API_KEY) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            Problems.write(response, code, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        CallerIdentity agent;
        try {
            agent = agents.verifyPassword(credential.getCaller(), credential.getPasswordAsString());
        } catch (InvalidCredentials | InvalidInput refused) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession previous = request.getSession(false);
        if (previous != null && previous.getAttribute(SESSION_AGENT) != null
                && !agent.agentId().equals(previous.getAttribute(SESSION_AGENT))) {
            // Another agent signs in on this browser: nothing of the previous one's session stays.
            previous.invalidate();
        } else if (previous != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) Math.max(1, Math.round(idleMinutes * 60)));
        session.setAttribute(SESSION_AGENT, agent.agentId());
        session.setAttribute(SESSION_SIGNED_IN_AT, Clock.now());
        return notify(context, agent);
    }

    /**
     * The agent of the request's session. Several requests of one browser (a reload, the desk's
     * socket reconnecting) can find the same session ended at once; the first ends it, the others
     * see it gone and are anonymous too.
     */
    private Optional<CallerIdentity> sessionAgent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        try {
            String agentId = session == null ? null : (String) session.getAttribute(SESSION_AGENT);
            if (agentId == null) {
                return Optional.empty();
            }
            Optional<CallerIdentity> agent = agents.identity(agentId,
                    (OffsetDateTime) session.getAttribute(SESSION_SIGNED_IN_AT));
            if (agent.isEmpty()) {
                session.invalidate();
            }
            return agent;
        } catch (IllegalStateException alreadyInvalidated) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus notify(HttpMessageContext context, CallerIdentity agent) {
        return context.notifyContainerAboutLogin(new AgentPrincipal(agent), new HashSet<>(agent.roles()));
    }

    /** Decided on the container's decoded, normalized path, so {@code /%61pi/} or {@code /api;x/} count too. */
    private static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The page an ajax request came from (its Referer on this host), with its query: its view's address. */
    private static String pageOfAjax(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        URI page;
        try {
            page = referer == null ? null : URI.create(referer);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean here = page != null && page.getRawAuthority() != null && page.getRawPath() != null
                && page.getRawAuthority().equalsIgnoreCase(request.getHeader("Host"))
                && page.getRawPath().startsWith(request.getContextPath() + "/");
        return here ? page.getRawPath().substring(request.getContextPath().length())
                + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery()) : null;
    }

    private static String requestedPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    public static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
    }
}
