package org.carequeue.web.rest.audience;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.PostAnswersRequest;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.metadata.MetadataUpdateRequest;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.audience.Audiences;
import org.carequeue.message.Conversations;
import org.carequeue.message.Posted;
import org.carequeue.security.Roles;
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

/**
 * One audience, for both sides: a signed-in agent (agent bearer token) or the customer (their
 * customer token as bearer). Which side is asking decides which boundary method runs.
 */
@Tag(name = "Audiences", description = "One conversation, for the customer (customer token) and for agents")
@RequestScoped
@Path("/v1/audiences/{audienceId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudiencesResource {

    @Inject
    Audiences audiences;

    @Inject
    Conversations conversations;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @PathParam("audienceId")
    String audienceId;

    @GET
    @Operation(operationId = "audience", summary = "The audience: its state, place in line and agent")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public AudienceResponse audience() {
        return isAgent() ? audiences.detail(audienceId) : audiences.status(audienceId, customerToken());
    }

    /** 201 with the stored message; 200 with the original when the clientMessageId was posted before. */
    @POST
    @Path("/messages")
    @Operation(operationId = "postMessage", summary = "Post a text message; a repeated clientMessageId returns the original")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = PostMessageResponse.class, responseCode = "201", responseDescription = "Stored (200 with the original when the clientMessageId was posted before)")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiDocs.PAYLOAD_TOO_LARGE)
    @RateLimited(perAddress = Limit.MESSAGES_PER_ADDRESS, perToken = Limit.MESSAGES_PER_TOKEN)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response post(PostMessageRequest request) {
        PostMessageRequest r = Bodies.required(request);
        Posted posted = isAgent()
                ? conversations.postAsAgent(audienceId, r.clientMessageId(), r.text())
                : conversations.postAsCustomer(audienceId, customerToken(), r.clientMessageId(), r.text());
        return Response.status(posted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(posted.message()).build();
    }

    @GET
    @Path("/messages")
    @Operation(operationId = "messages", summary = "The messages after seq since, ascending")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = MessageResponse[].class, responseDescription = "Messages with seq > since")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<MessageResponse> messages(@QueryParam("since") @DefaultValue("0") long since) {
        return isAgent()
                ? conversations.sinceAsAgent(audienceId, since)
                : conversations.sinceAsCustomer(audienceId, customerToken(), since);
    }

    @POST
    @Path("/end")
    @Operation(operationId = "endAudience", summary = "End the conversation (either side)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience, FINISHED")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse end() {
        return isAgent() ? audiences.endByAgent(audienceId) : audiences.endByCustomer(audienceId, customerToken());
    }

    /** The holding agent's "end and hide": ends the conversation if it runs and completes it at once. */
    @POST
    @Path("/end-and-hide")
    @Operation(operationId = "endAndHide", summary = "End the conversation and complete it at once (the holding agent)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience, COMPLETE")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse endAndHide() {
        return audiences.endAndHide(audienceId);
    }

    /** The customer rates the ended conversation, once (customer token). */
    @POST
    @Path("/rating")
    @Operation(operationId = "rate", summary = "The customer rates the ended conversation, once")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience with its rating")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse rate(RatingRequest request) {
        return audiences.rate(audienceId, customerToken(), Bodies.required(request).rating());
    }

    /** The customer answers the post-audience questionnaire, once (customer token). */
    @POST
    @Path("/post-answers")
    @Operation(operationId = "postAnswers", summary = "The customer answers the post-audience questionnaire, once")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience with its answers")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse answerAfterwards(PostAnswersRequest request) {
        return audiences.answerAfterwards(audienceId, customerToken(), Bodies.required(request).answers());
    }

    /** The holding agent sends the customer to another queue; the answer is the audience waiting there. */
    @POST
    @Path("/transfer")
    @Operation(operationId = "transfer", summary = "Send the customer to another queue (the holding agent)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience, waiting in the target queue")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse transfer(TransferRequest request) {
        return audiences.transfer(audienceId, Bodies.required(request).queueId());
    }

    /** Where the holding agent may transfer this customer, with each queue's public state. */
    @GET
    @Path("/transfer-targets")
    @Operation(operationId = "transferTargets", summary = "The queues the holding agent may transfer this customer to")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = PublicQueueResponse[].class, responseDescription = "Target queues with their public state")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<PublicQueueResponse> transferTargets() {
        return audiences.transferTargets(audienceId);
    }

    /** The desk's "about the customer" (agents): answers, metadata and verified secure metadata. */
    @GET
    @Path("/customer")
    @Operation(operationId = "customerCard", summary = "About the customer: answers, metadata and verified secure metadata (agents)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceDetailResponse.class, responseDescription = "The customer card")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public AudienceDetailResponse customer() {
        return audiences.customerCard(audienceId);
    }

    /** The customer's live metadata, merged into what is stored; the answer is the metadata as stored now. */
    @PUT
    @Path("/metadata")
    @Operation(operationId = "updateMetadata", summary = "Merge the customer's live metadata into what is stored (customer token)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = Map.class, responseDescription = "The metadata as stored now")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Map<String, String> metadata(MetadataUpdateRequest request) {
        return audiences.updateMetadata(audienceId, customerToken(), Bodies.required(request).metadata());
    }

    private boolean isAgent() {
        return security.isUserInRole(Roles.AGENT);
    }

    private String customerToken() {
        return AgentAuthentication.bearerToken(http);
    }
}
