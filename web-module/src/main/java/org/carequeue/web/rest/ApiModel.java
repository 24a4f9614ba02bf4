package org.carequeue.web.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carequeue.api.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The parts of the OpenAPI document the operations share: the bearer scheme, the Problem schema,
 * the problem+json responses the resources name ({@link ApiDocs}) and the statistics' query
 * parameters (Payara does not look into {@code @BeanParam}s). They are built here rather than with
 * annotations because Payara writes an annotated {@code @Schema}'s unset members as constraints
 * ({@code maxProperties: 0} and the like). The annotations on the resources add the operations.
 * As a filter it gives the CSV and file answers the schema of what they are: text and bytes.
 * Configured in META-INF/microprofile-config.properties ({@code mp.openapi.model.reader},
 * {@code mp.openapi.filter}).
 */
public class ApiModel implements OASModelReader, OASFilter {

    private static final String PROBLEM = "Problem";
    /** Files go in and out as themselves; Payara leaves a wildcard media type out of the document. */
    private static final String BINARY = "application/octet-stream";

    @Override
    public OpenAPI buildModel() {
        Components components = OASFactory.createComponents()
                .addSchema(PROBLEM, problemSchema())
                .addSecurityScheme(ApiDocs.BEARER, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An agent's session token (POST /api/v1/sessions), an API key (cqk_...), or on"
                                + " an audience's customer-side calls the customer token from"
                                + " POST /api/v1/queues/{queueId}/requests"));
        Map.of(
                ApiDocs.BAD_REQUEST, "Refused input (validation_failed, reason_required, ...); `field` names the"
                        + " request field at fault",
                ApiDocs.UNAUTHORIZED, "No valid bearer token (not_authenticated, invalid_credentials)",
                ApiDocs.FORBIDDEN, "The caller's role does not allow this (forbidden, not_held_by_you,"
                        + " call_not_allowed)",
                ApiDocs.NOT_FOUND, "Unknown here, or of another organization (queue_not_found,"
                        + " audience_not_found, queue_is_empty, ...)",
                ApiDocs.CONFLICT, "The state does not allow it (queue_is_closed, queue_is_full, already_picked,"
                        + " audience_ended, ...)",
                ApiDocs.PAYLOAD_TOO_LARGE, "The body is over the limit (payload_too_large)",
                ApiDocs.UNPROCESSABLE, "Refused content (invalid_secure_metadata, secure_metadata_required, a"
                        + " schedule that does not parse)",
                ApiDocs.TOO_MANY_REQUESTS, "Over the rate limit of the client's address or token (rate_limited);"
                        + " nothing was done, Retry-After says in how many seconds to try again")
                .forEach((name, description) -> components.addResponse(name, problemResponse(description)));
        query(components, "from", "First local date of the period (YYYY-MM-DD)");
        query(components, "to", "Local date the period ends before (YYYY-MM-DD)");
        query(components, "timeZone", "IANA time zone of the dates and intervals (default UTC), e.g. Europe/Helsinki");
        query(components, "zone", "The same as timeZone (its earlier name)");
        query(components, "interval", "HOUR, DAY (the default) or MONTH; also hourly, daily, monthly");
        query(components, "serviceLevelSeconds", "Service-level target: accepted within this many seconds");
        query(components, "tagId", "Only conversations with this tag");
        query(components, "agentId", "Only conversations this agent accepted");
        query(components, "bucketStart", "Only the interval starting at this time (a row's start)");
        query(components, "page", "Page number, from 0");
        query(components, "size", "Page size");
        return OASFactory.createOpenAPI().components(components);
    }

    /**
     * Payara shares one media type object among all the types a method produces, so the CSV and file
     * ones get media type objects of their own.
     */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getContent() != null) {
            for (String mediaType : List.copyOf(response.getContent().getMediaTypes().keySet())) {
                if (mediaType.startsWith("text/csv")) {
                    response.getContent().addMediaType(mediaType, OASFactory.createMediaType().schema(
                            OASFactory.createSchema().type(Schema.SchemaType.STRING)
                                    .description("CSV: a header row naming the JSON fields, then one line per row")));
                } else if (mediaType.equals(BINARY)) {
                    response.getContent().addMediaType(mediaType, OASFactory.createMediaType().schema(
                            OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")));
                }
            }
        }
        return response;
    }

    /** An upload's body is the file itself. */
    @Override
    public RequestBody filterRequestBody(RequestBody requestBody) {
        if (requestBody.getContent() != null && requestBody.getContent().hasMediaType(BINARY)) {
            requestBody.getContent().addMediaType(BINARY, OASFactory.createMediaType().schema(
                    OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")));
        }
        return requestBody;
    }

    /** Payara lists a tag once per class that declares it; the document names each tag once. */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            Map<String, Tag> byName = new LinkedHashMap<>();
            openAPI.getTags().forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new ArrayList<>(byName.values()));
        }
    }

    private static void query(Components components, String name, String description) {
        components.addParameter(name, OASFactory.createParameter().name(name).in(Parameter.In.QUERY)
                .description(description).schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with CareQueue's stable `code`")
                .addProperty("type", text("A URI naming the problem, https://carequeue.org/problems/<code>"))
                .addProperty("title", text("The code in words"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", text("What went wrong, for people"))
                .addProperty("code", text("Stable code for programs, e.g. queue_is_closed"))
                .addProperty("field", text("The request field at fault, when one is"))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
