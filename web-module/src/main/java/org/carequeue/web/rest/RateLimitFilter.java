package org.carequeue.web.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.web.problem.Problems;
import org.carequeue.web.security.AgentAuthentication;
import org.carequeue.web.security.RateLimits;

/** Applies {@link RateLimited} before the resource method runs, so a refused call costs no transaction. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return;
        }
        Optional<RateLimits.Refused> refused = rateLimits.take(limited.perAddress(), clientAddresses.of(http),
                limited.perToken().length == 0 ? null : limited.perToken()[0], AgentAuthentication.bearerToken(http));
        refused.ifPresent(r -> request.abortWith(tooMany(r)));
    }

    /** 429 {@code rate_limited} with the seconds to wait. */
    private static Response tooMany(RateLimits.Refused refused) {
        return Response.fromResponse(Problems.response(ErrorCode.RATE_LIMITED,
                        "Too many requests; try again in " + refused.retryAfterSeconds() + " s"))
                .header("Retry-After", refused.retryAfterSeconds()).build();
    }
}
