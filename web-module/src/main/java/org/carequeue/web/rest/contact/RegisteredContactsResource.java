package org.carequeue.web.rest.contact;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.api.contact.RegisteredContactsPage;
import org.carequeue.contact.Contacts;
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every registered contact of the organization, for operators and keys that read transcripts. */
@RequestScoped
@Path("/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registered contacts", description = "Contact details customers left instead of a conversation")
@SecurityRequirement(name = ApiDocs.BEARER)
public class RegisteredContactsResource {

    @Inject
    Contacts contacts;

    @GET
    @Operation(operationId = "listRegisteredContacts", summary = "The organization's registered contacts, newest first, a page at a time (cursor paging)")
    @APIResponseSchema(value = RegisteredContactsPage.class, responseCode = "200", responseDescription = "One page; nextCursor fetches the next, null at the end")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public RegisteredContactsPage list(
            @Parameter(description = "Only this queue's contacts") @QueryParam("queueId") String queueId,
            @Parameter(description = "Registered at or after: an ISO-8601 time or a date (a UTC day)") @QueryParam("from") String from,
            @Parameter(description = "Registered before: an ISO-8601 time, or a date (that UTC day included)") @QueryParam("to") String to,
            @Parameter(description = "Rows per page, 1 to 200; 50 by default") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return contacts.list(queueId, from, to, cursor, limit);
    }
}
