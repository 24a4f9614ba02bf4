package org.carequeue.web.rest.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.api.contact.RegisteredContactsPage;
import org.carequeue.api.problem.Problem;
import org.carequeue.contact.Contacts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every registered contact of the organization, for operators and keys that read transcripts. */
@Path("/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registered contacts", description = "Contact details customers left instead of a conversation")
public class RegisteredContactsResource {

    @Inject
    Contacts contacts;

    @GET
    @Operation(summary = "The organization's registered contacts, newest first, a page at a time (cursor paging)")
    @APIResponse(responseCode = "200", description = "One page; nextCursor fetches the next, null at the end",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisteredContactsPage.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: a bad limit, cursor, from or to (field names which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated or invalid_api_key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: neither an operator nor a key with READ_TRANSCRIPTS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "queue_not_found: queueId is no queue of the organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegisteredContactsPage list(
            @Parameter(description = "Only this queue's contacts") @QueryParam("queueId") String queueId,
            @Parameter(description = "Registered at or after: an ISO-8601 time or a date (a UTC day)") @QueryParam("from") String from,
            @Parameter(description = "Registered before: an ISO-8601 time, or a date (that UTC day included)") @QueryParam("to") String to,
            @Parameter(description = "Rows per page, 1 to 200; 50 by default") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return contacts.list(queueId, from, to, cursor, limit);
    }
}
