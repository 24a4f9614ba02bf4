package org.carequeue.web.rest.agent;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.session.MeResponse;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.audience.WaitingLines;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.carequeue.web.rest.RateLimited;
import org.carequeue.web.security.AgentAuthentication;
import org.carequeue.web.security.RateLimits.Limit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agent sign-in for the API ({@code /v1/sessions}), who am I ({@code /v1/me}), staff accounts. */
@RequestScoped
@Path("/v1")
@Tag(name = "Sessions", description = "Agent sign-in and sign-out, who am I, staff accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Agents agents;

    @Inject
    WaitingLines lines;

    @POST
    @Path("/sessions")
    @Operation(operationId = "signIn", summary = "Sign an agent in: a bearer token for the API and the chat socket")
    @APIResponseSchema(value = SessionResponse.class, responseCode = "201", responseDescription = "Signed in")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @RateLimited(perAddress = Limit.SIGN_INS_PER_ADDRESS)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response signIn(SignInRequest request) {
        SignInRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(agents.signIn(r.username(), r.password())).build();
    }

    /** Signs out: the bearer token of this request stops working. */
    @DELETE
    @Path("/sessions/current")
    @Operation(operationId = "signOut", summary = "Sign out: the bearer token of this request stops working")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response signOut(@Context HttpServletRequest request) {
        agents.signOut(AgentAuthentication.bearerToken(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Operation(operationId = "me", summary = "The signed-in agent: organization, roles and queues")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = MeResponse.class, responseDescription = "The caller")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public MeResponse me() {
        return lines.me();
    }

    @POST
    @Path("/agents")
    @Operation(operationId = "createAgent", summary = "Create a staff account in the caller's organization (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AgentResponse.class, responseCode = "201", responseDescription = "The new account")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response createAgent(CreateAgentRequest request) {
        CreateAgentRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(agents.create(r.username(), r.name(), r.email(), r.password(), r.role()))
                .build();
    }
}
