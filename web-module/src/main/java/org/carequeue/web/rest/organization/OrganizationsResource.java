package org.carequeue.web.rest.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.SignUpRequest;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up of a new organization, and an organization's queues as customers see them. */
@Tag(name = "Organizations", description = "Sign-up, settings and the public view of queues")
@RequestScoped
@Path("/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Agents agents;

    @Inject
    WaitingLines lines;

    @POST
    @Operation(operationId = "signUp", summary = "Sign up a new organization and its owner (when sign-up is enabled)")
    @APIResponseSchema(value = AgentResponse.class, responseCode = "201", responseDescription = "The owner")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response signUp(SignUpRequest request) {
        SignUpRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(agents.signUp(r.organizationName(), r.username(), r.name(), r.password()))
                .build();
    }

    @GET
    @Path("/{organizationId}/queues")
    @Operation(operationId = "publicQueues", summary = "An organization's queues as customers see them (no account needed)")
    @APIResponseSchema(value = PublicQueueResponse[].class, responseDescription = "Queues with state and length")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<PublicQueueResponse> queues(@PathParam("organizationId") String organizationId) {
        return lines.publicQueues(organizationId);
    }
}
