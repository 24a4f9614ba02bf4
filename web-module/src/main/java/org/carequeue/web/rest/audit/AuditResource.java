package org.carequeue.web.rest.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.api.audit.AuditPage;
import org.carequeue.audit.AuditLog;
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's audit log for operators: read only, as there is nothing to change in it. */
@RequestScoped
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who signed in, picked, transferred, read transcripts and changed settings")
@SecurityRequirement(name = ApiDocs.BEARER)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @GET
    @Operation(operationId = "auditLog", summary = "The organization's audit log, newest first, a page at a time (cursor paging; operators)")
    @APIResponseSchema(value = AuditPage.class, responseCode = "200", responseDescription = "One page; nextCursor fetches the next, null at the end")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public AuditPage list(@Parameter(description = "Only entries of this kind (SIGNED_IN, PICKED, MEMBER_REMOVED...)") @QueryParam("kind") String kind,
                          @Parameter(description = "Rows per page, 1 to 200; 50 by default") @QueryParam("limit") String limit,
                          @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return auditLog.list(kind, cursor, limit);
    }
}
