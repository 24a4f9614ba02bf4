package org.carequeue.web.rest.cannedmessage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.cannedmessage.CannedMessages;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Canned messages: every agent reads their personal ones and the organization's, and manages
 * their personal ones; operators also manage the organization's ({@code scope: organization}).
 */
@Tag(name = "Canned messages", description = "Ready answers: the agent's own and the organization's")
@RequestScoped
@Path("/v1/canned-messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedMessagesResource {

    @Inject
    CannedMessages cannedMessages;

    /** The caller's personal messages, then the organization's, each by keyword. */
    @GET
    @Operation(operationId = "cannedMessages", summary = "The caller's canned messages, then the organization's")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = CannedMessageResponse[].class, responseDescription = "Canned messages by keyword")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<CannedMessageResponse> available() {
        return cannedMessages.available();
    }

    @POST
    @Operation(operationId = "createCannedMessage", summary = "Create a personal or (operators) an organization canned message")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = CannedMessageResponse.class, responseCode = "201", responseDescription = "The new canned message")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response create(CannedMessageRequest request) {
        CannedMessageRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(cannedMessages.create(r.scope(), r.keyword(), r.message())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "changeCannedMessage", summary = "Change a canned message")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = CannedMessageResponse.class, responseDescription = "The canned message as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public CannedMessageResponse change(@PathParam("id") String id, CannedMessageRequest request) {
        CannedMessageRequest r = Bodies.required(request);
        return cannedMessages.change(id, r.keyword(), r.message());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteCannedMessage", summary = "Delete a canned message")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response delete(@PathParam("id") String id) {
        cannedMessages.delete(id);
        return Response.noContent().build();
    }
}
