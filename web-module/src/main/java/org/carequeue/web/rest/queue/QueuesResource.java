package org.carequeue.web.rest.queue;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.queue.QueuesPage;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.audience.Audiences;
import org.carequeue.audience.WaitingLines;
import org.carequeue.queue.Queues;
import org.carequeue.web.rest.Bodies;
import org.carequeue.web.rest.ClientAddresses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Queues: customers join them ({@code POST /requests}); members list who waits, pick, open and
 * close; operators create and configure them and set their schedules.
 */
@Path("/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Queues", description = "Where customers wait; members pick, operators configure")
public class QueuesResource {

    @Inject
    Queues queues;

    @Inject
    Audiences audiences;

    @Inject
    WaitingLines lines;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "The organization's queues with their state, by name, a page at a time (cursor paging)")
    @APIResponse(responseCode = "200", description = "One page; nextCursor fetches the next, null at the end",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuesPage.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: a bad limit or cursor (field names which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated or invalid_api_key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: neither an operator nor a key with MANAGE_QUEUES",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueuesPage list(@Parameter(description = "Rows per page, 1 to 200; 50 by default") @QueryParam("limit") String limit,
                           @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return queues.list(cursor, limit);
    }

    @POST
    public Response create(CreateQueueRequest request) {
        CreateQueueRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(queues.create(r.name(), r.capacity())).build();
    }

    @GET
    @Path("/{queueId}")
    public QueueResponse queue(@PathParam("queueId") String queueId) {
        return lines.queue(queueId);
    }

    @PUT
    @Path("/{queueId}/settings")
    public QueueResponse configure(@PathParam("queueId") String queueId, QueueSettingsRequest request) {
        QueueSettingsRequest r = Bodies.required(request);
        return queues.configure(queueId, r);
    }

    /** The queue's opening hours in Ninchat's schedule JSON (operators). */
    @GET
    @Path("/{queueId}/schedule")
    public String schedule(@PathParam("queueId") String queueId) {
        return queues.scheduleOverview(queueId).json();
    }

    /** Replaces the schedule; the answer is the schedule as stored. */
    @PUT
    @Path("/{queueId}/schedule")
    public String replaceSchedule(@PathParam("queueId") String queueId, String scheduleJson) {
        return queues.replaceSchedule(queueId, scheduleJson).json();
    }

    @PUT
    @Path("/{queueId}/members/{agentId}")
    public QueueResponse addMember(@PathParam("queueId") String queueId, @PathParam("agentId") String agentId) {
        return queues.addMember(queueId, agentId);
    }

    @DELETE
    @Path("/{queueId}/members/{agentId}")
    public QueueResponse removeMember(@PathParam("queueId") String queueId, @PathParam("agentId") String agentId) {
        return queues.removeMember(queueId, agentId);
    }

    @POST
    @Path("/{queueId}/open")
    public QueueResponse open(@PathParam("queueId") String queueId) {
        return queues.open(queueId);
    }

    @POST
    @Path("/{queueId}/close")
    public QueueResponse close(@PathParam("queueId") String queueId) {
        return queues.close(queueId);
    }

    /** A customer asks for help; the body may be empty. Their IP address is the connection's, never the body's. */
    @POST
    @Path("/{queueId}/requests")
    public Response request(@PathParam("queueId") String queueId, CustomerRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(audiences.request(queueId, request, clientAddresses.of(http))).build();
    }

    @GET
    @Path("/{queueId}/requests")
    public List<WaitingCustomerResponse> waiting(@PathParam("queueId") String queueId) {
        return lines.waiting(queueId);
    }

    /** Picks the chosen customer, or the next one when the body names none. */
    @POST
    @Path("/{queueId}/pick")
    public AudienceResponse pick(@PathParam("queueId") String queueId, PickRequest request) {
        return audiences.pick(queueId, request == null ? null : request.audienceId());
    }

    @GET
    @Path("/{queueId}/log")
    public List<QueueLogEntryResponse> log(@PathParam("queueId") String queueId,
                                           @QueryParam("after") @DefaultValue("0") long after,
                                           @QueryParam("limit") @DefaultValue("200") int limit) {
        return lines.log(queueId, after, limit);
    }
}
