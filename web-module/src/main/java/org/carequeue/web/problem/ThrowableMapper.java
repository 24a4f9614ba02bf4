package org.carequeue.web.problem;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.web.rest.RequestBodies;

/**
 * Every failure of {@code /api/**} as problem+json: refused use cases with their code, unreadable
 * or over-size bodies, unknown paths and methods, calls without the right role, lost lock races,
 * and, last, unexpected failures (logged, answered without internals).
 */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ThrowableMapper.class.getName());

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable exception) {
        Throwable cause = unwrap(exception);
        if (Failures.causedBy(exception, RequestBodies.TooLarge.class)) {
            return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + RequestBodies.MAX_BYTES + " bytes");
        }
        if (Failures.causedBy(exception, RequestBodies.Unreadable.class)) {
            return Problems.response(ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON of the expected shape");
        }
        if (cause instanceof InvalidInput invalid) {
            return Problems.response(invalid.code(), invalid.getMessage(), invalid.field());
        }
        if (cause instanceof BusinessException business) {
            return Problems.response(business.code(), business.getMessage());
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
            return security.getUserPrincipal() == null
                    ? Problems.response(ErrorCode.NOT_AUTHENTICATED, "Sign in first (Authorization: Bearer <token>)")
                    : Problems.response(ErrorCode.FORBIDDEN, "Your role does not allow this");
        }
        if (cause instanceof NotSupportedException) {
            return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
        }
        if (cause instanceof NotAllowedException) {
            return Problems.response(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here");
        }
        if (cause instanceof WebApplicationException web && unconvertibleParameter(web).isPresent()) {
            return Problems.response(ErrorCode.VALIDATION_FAILED, "A parameter is not of the expected type (a number?)",
                    unconvertibleParameter(web).get());
        }
        if (cause instanceof WebApplicationException web) {
            return forStatus(web.getResponse().getStatus());
        }
        if (Failures.isDuplicate(exception)) {
            return Problems.response(ErrorCode.ALREADY_EXISTS, "It was just created by another request; nothing was changed");
        }
        if (Failures.isDatabaseUnreachable(exception)) {
            LOG.log(Level.WARNING, "The database cannot be reached; answered 503: {0}", String.valueOf(exception));
            return Response.fromResponse(Problems.response(ErrorCode.SERVICE_UNAVAILABLE,
                    "The database cannot be reached; try again shortly")).header("Retry-After", "5")
                    .build();
        }
        if (Failures.isTransient(exception)) {
            // Logged so that a test (or an operator) seeing this answer can tell which lock it was.
            LOG.log(Level.INFO, "Lost a race for a lock; answered 503, the client may retry: {0}",
                    Failures.innermost(exception));
            return Response.fromResponse(Problems.response(ErrorCode.SERVICE_UNAVAILABLE,
                    "Busy with the same conversation or queue; nothing was changed, try again")).header("Retry-After", "1")
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure", exception);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; nothing was changed");
    }

    private static Response forStatus(int status) {
        return switch (status) {
            case 400 -> Problems.response(ErrorCode.VALIDATION_FAILED, "The request is malformed");
            case 401 -> Problems.response(ErrorCode.NOT_AUTHENTICATED, "Sign in first");
            case 403 -> Problems.response(ErrorCode.FORBIDDEN, "Not allowed");
            case 404 -> Problems.response(ErrorCode.NOT_FOUND, "No such resource");
            case 406 -> Problems.response(ErrorCode.NOT_ACCEPTABLE, "This resource speaks application/json");
            case 413 -> Problems.response(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
            case 415 -> Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
            case 503 -> Problems.response(ErrorCode.SERVICE_UNAVAILABLE, "Try again shortly");
            default -> status >= 500
                    ? Problems.response(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side")
                    : Problems.response(ErrorCode.VALIDATION_FAILED, "The request was refused");
        };
    }

    /**
     * The name of a query, path or header parameter the runtime could not convert to its Java type
     * ({@code ?limit=ten} for an {@code int}). JAX-RS answers those with 404 (a query parameter) or
     * 400 without saying which; Jersey's {@code ParamException} knows the name. Read by name so the
     * module does not compile against Jersey.
     */
    private static Optional<String> unconvertibleParameter(WebApplicationException exception) {
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.glassfish.jersey.server.ParamException")) {
                try {
                    return Optional.ofNullable((String) type.getMethod("getParameterName").invoke(exception));
                } catch (ReflectiveOperationException | ClassCastException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
