package org.carequeue.web.rest.organization;

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
import org.carequeue.api.agent.SignUpRequest;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.web.rest.Bodies;

/** Sign-up of a new organization, and an organization's queues as customers see them. */
@Path("/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Agents agents;

    @Inject
    WaitingLines lines;

    @POST
    public Response signUp(SignUpRequest request) {
        SignUpRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(agents.signUp(r.organizationName(), r.username(), r.name(), r.password()))
                .build();
    }

    @GET
    @Path("/{organizationId}/queues")
    public List<PublicQueueResponse> queues(@PathParam("organizationId") String organizationId) {
        return lines.publicQueues(organizationId);
    }
}
