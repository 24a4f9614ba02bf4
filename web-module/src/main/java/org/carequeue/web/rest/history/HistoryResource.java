package org.carequeue.web.rest.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.api.history.HistoryFilter;
import org.carequeue.api.history.HistoryPage;
import org.carequeue.history.Transcripts;
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's audiences for its operators and keys that read transcripts: a search, newest
 * first, a page at a time (by {@code offset}, or after the {@code cursor} a page handed out).
 */
@Tag(name = "History", description = "The organization's conversations and transcripts (operators)")
@RequestScoped
@Path("/v1/audiences")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    Transcripts transcripts;

    @GET
    @Operation(operationId = "searchAudiences", summary = "Search the organization's conversations, newest first (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = HistoryPage.class, responseDescription = "A page of conversations")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public HistoryPage search(@QueryParam("queueId") String queueId, @QueryParam("agentId") String agentId,
                              @QueryParam("state") String state, @QueryParam("customer") String customer,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("25") int limit,
                              @QueryParam("cursor") String cursor) {
        return transcripts.search(new HistoryFilter(queueId, agentId, state, customer, from, to), cursor, offset,
                limit);
    }
}
