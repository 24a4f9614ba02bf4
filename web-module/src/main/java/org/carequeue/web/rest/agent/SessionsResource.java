package org.carequeue.web.rest.agent;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.session.MeResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.audience.WaitingLines;
import org.carequeue.web.rest.Bodies;
import org.carequeue.web.security.AgentAuthentication;

/** Agent sign-in for the API ({@code /v1/sessions}), who am I ({@code /v1/me}), staff accounts. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Agents agents;

    @Inject
    WaitingLines lines;

    @POST
    @Path("/sessions")
    public Response signIn(SignInRequest request) {
        SignInRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(agents.signIn(r.username(), r.password())).build();
    }

    /** Signs out: the bearer token of this request stops working. */
    @DELETE
    @Path("/sessions/current")
    public Response signOut(@Context HttpServletRequest request) {
        agents.signOut(AgentAuthentication.bearerToken(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    public MeResponse me() {
        return lines.me();
    }

    @POST
    @Path("/agents")
    public Response createAgent(CreateAgentRequest request) {
        CreateAgentRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(agents.create(r.username(), r.name(), r.email(), r.password(), r.role()))
                .build();
    }
}
