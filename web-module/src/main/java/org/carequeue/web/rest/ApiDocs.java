package org.carequeue.web.rest;

/**
 * Names shared by the OpenAPI annotations of the resources: the bearer security scheme and the
 * problem+json responses defined once on {@link CareQueueApi}. An operation lists its errors as
 * {@code @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)}.
 */
public final class ApiDocs {

    public static final String BEARER = "bearer";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNPROCESSABLE = "Unprocessable";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";

    private ApiDocs() {
    }
}
