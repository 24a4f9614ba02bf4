package org.carequeue.web.rest.queue;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Map;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.queue.QueuesPage;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.audience.Audiences;
import org.carequeue.audience.WaitingLines;
import org.carequeue.queue.Queues;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.carequeue.web.rest.ClientAddresses;
import org.carequeue.web.rest.RateLimited;
import org.carequeue.web.security.RateLimits.Limit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Queues: customers join them ({@code POST /requests}); members list who waits, pick, open and
 * close; operators create and configure them and set their schedules.
 * <p>
 * One instance serves every request: it holds nothing of a request's own (the request comes as a
 * parameter), and picks and arrivals, the busiest calls of all, do not pay for a new instance and
 * its three session bean references (a tenth of a pick's server CPU) each time.
 */
@ApplicationScoped
@Path("/v1/queues")
@Tag(name = "Queues", description = "Customers join queues; members pick from them; operators configure them")
@SecurityRequirement(name = ApiDocs.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocs.BEARER)
public class QueuesResource {

    @Inject
    Queues queues;

    @Inject
    Audiences audiences;

    @Inject
    WaitingLines lines;

    @Inject
    ClientAddresses clientAddresses;

    @GET
    @Operation(operationId = "listQueues", summary = "The organization's queues with their state, by name, a page at a time (cursor paging)")
    @APIResponseSchema(value = QueuesPage.class, responseCode = "200", responseDescription = "One page; nextCursor fetches the next, null at the end")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public QueuesPage list(@Parameter(description = "Rows per page, 1 to 200; 50 by default") @QueryParam("limit") String limit,
                           @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return queues.list(cursor, limit);
    }

    @POST
    @Operation(operationId = "createQueue", summary = "Create a queue, closed and without members (operators)")
    @APIResponseSchema(value = QueueResponse.class, responseCode = "201", responseDescription = "The new queue")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response create(CreateQueueRequest request) {
        CreateQueueRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(queues.create(r.name(), r.capacity())).build();
    }

    @GET
    @Path("/{queueId}")
    @Operation(operationId = "queue", summary = "A queue as its members see it: state, length, settings")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public QueueResponse queue(@PathParam("queueId") String queueId) {
        return lines.queue(queueId);
    }

    @PUT
    @Path("/{queueId}/settings")
    @Operation(operationId = "configureQueue", summary = "Change a queue's name, capacity and settings (operators)")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public QueueResponse configure(@PathParam("queueId") String queueId, QueueSettingsRequest request) {
        QueueSettingsRequest r = Bodies.required(request);
        return queues.configure(queueId, r);
    }

    /** The queue's opening hours in Ninchat's schedule JSON (operators). */
    @GET
    @Path("/{queueId}/schedule")
    @Operation(operationId = "schedule", summary = "A queue's opening hours in Ninchat's schedule JSON (operators)")
    @APIResponseSchema(value = Map.class, responseDescription = "The schedule")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public String schedule(@PathParam("queueId") String queueId) {
        return queues.scheduleOverview(queueId).json();
    }

    /** Replaces the schedule; the answer is the schedule as stored. */
    @PUT
    @Path("/{queueId}/schedule")
    @Operation(operationId = "replaceSchedule", summary = "Replace a queue's schedule (operators)")
    @APIResponseSchema(value = Map.class, responseDescription = "The schedule as stored")
    @APIResponse(responseCode = "422", ref = ApiDocs.UNPROCESSABLE)
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public String replaceSchedule(@PathParam("queueId") String queueId, String scheduleJson) {
        return queues.replaceSchedule(queueId, scheduleJson).json();
    }

    @PUT
    @Path("/{queueId}/members/{agentId}")
    @Operation(operationId = "addQueueMember", summary = "Make an agent of the organization a member of the queue (operators)")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public QueueResponse addMember(@PathParam("queueId") String queueId, @PathParam("agentId") String agentId) {
        return queues.addMember(queueId, agentId);
    }

    @DELETE
    @Path("/{queueId}/members/{agentId}")
    @Operation(operationId = "removeQueueMember", summary = "Remove an agent from the queue's members (operators)")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public QueueResponse removeMember(@PathParam("queueId") String queueId, @PathParam("agentId") String agentId) {
        return queues.removeMember(queueId, agentId);
    }

    @POST
    @Path("/{queueId}/open")
    @Operation(operationId = "openQueue", summary = "Open the queue to customers (members)")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue, open")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public QueueResponse open(@PathParam("queueId") String queueId) {
        return queues.open(queueId);
    }

    @POST
    @Path("/{queueId}/close")
    @Operation(operationId = "closeQueue", summary = "Close the queue to new customers (members)")
    @APIResponseSchema(value = QueueResponse.class, responseDescription = "The queue, closed")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public QueueResponse close(@PathParam("queueId") String queueId) {
        return queues.close(queueId);
    }

    /** A customer asks for help; the body may be empty. Their IP address is the connection's, never the body's. */
    @POST
    @Path("/{queueId}/requests")
    @Operation(operationId = "requestHelp", summary = "A customer asks for help in the queue (no account needed)")
    @APIResponseSchema(value = CustomerRequestResponse.class, responseCode = "201",
            responseDescription = "Waiting in line: the audience and its customer token")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocs.UNPROCESSABLE)
    @RateLimited(perAddress = Limit.REQUESTS_PER_ADDRESS)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response request(@PathParam("queueId") String queueId, CustomerRequest request,
                            @Context HttpServletRequest http) {
        return Response.status(Response.Status.CREATED)
                .entity(audiences.request(queueId, request, clientAddresses.of(http))).build();
    }

    @GET
    @Path("/{queueId}/requests")
    @Operation(operationId = "waitingCustomers", summary = "The customers waiting in the queue, in line order (members)")
    @APIResponseSchema(value = WaitingCustomerResponse[].class, responseDescription = "Waiting customers, first in line first")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<WaitingCustomerResponse> waiting(@PathParam("queueId") String queueId) {
        return lines.waiting(queueId);
    }

    /** Picks the chosen customer, or the next one when the body names none. */
    @POST
    @Path("/{queueId}/pick")
    @Operation(operationId = "pick", summary = "Pick the chosen customer, or the next one in line when the body names none (members)")
    @APIResponseSchema(value = AudienceResponse.class, responseDescription = "The audience, accepted by the caller")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceResponse pick(@PathParam("queueId") String queueId, PickRequest request) {
        return audiences.pick(queueId, request == null ? null : request.audienceId());
    }

    @GET
    @Path("/{queueId}/log")
    @Operation(operationId = "queueLog", summary = "The queue's activity log, oldest first after an entry id (members)")
    @APIResponseSchema(value = QueueLogEntryResponse[].class, responseDescription = "Log entries")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<QueueLogEntryResponse> log(@PathParam("queueId") String queueId,
                                           @QueryParam("after") @DefaultValue("0") long after,
                                           @QueryParam("limit") @DefaultValue("200") int limit) {
        return lines.log(queueId, after, limit);
    }
}
