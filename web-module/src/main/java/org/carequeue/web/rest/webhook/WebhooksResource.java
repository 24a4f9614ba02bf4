package org.carequeue.web.rest.webhook;

import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookDeliveryResponse;
import org.carequeue.api.webhook.WebhookEnabledRequest;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.api.webhook.WebhookSubscriptionResponse;
import org.carequeue.platform.InvalidInput;
import org.carequeue.webhook.Webhooks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' webhook subscriptions. Creating one answers its signing secret, the only time it is
 * shown. Another organization's subscription is 404 {@code webhook_not_found}.
 */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to the organization's own systems (operators)")
public class WebhooksResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Webhooks webhooks;

    @POST
    @Operation(summary = "Subscribe a URL to events; the answer carries the signing secret, shown only this once")
    @APIResponse(responseCode = "201", description = "The subscription and its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewWebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: a URL that is not https, an unknown event, none",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(WebhookSubscriptionRequest request) {
        return Response.status(Response.Status.CREATED).entity(webhooks.subscribe(request)).build();
    }

    @GET
    @Operation(summary = "The organization's webhook subscriptions, newest first (never their secrets)")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<WebhookSubscriptionResponse> list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "webhook_not_found",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WebhookSubscriptionResponse get(@PathParam("id") String id) {
        return webhooks.get(id);
    }

    @PUT
    @Path("/{id}/enabled")
    @Operation(summary = "Enable or disable a subscription; a disabled one gets no new events and its pending deliveries wait")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: no body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "webhook_not_found",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WebhookSubscriptionResponse enable(@PathParam("id") String id, WebhookEnabledRequest request) {
        if (request == null) {
            throw new InvalidInput("enabled", "Send {\"enabled\": true} or {\"enabled\": false}");
        }
        return webhooks.enable(id, request.enabled());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription with its delivery log; pending deliveries are not sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "webhook_not_found",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first; page on with the last id as before")
    @APIResponse(responseCode = "200", description = "Deliveries with status, attempts, last response and next retry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDeliveryResponse.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: limit out of 1..100",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "webhook_not_found",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<WebhookDeliveryResponse> deliveries(@PathParam("id") String id,
                                                    @Parameter(description = "Only deliveries with a smaller id")
                                                    @QueryParam("before") Long before,
                                                    @Parameter(description = "At most this many, 1 to 100")
                                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(id, before, limit);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test event to this subscription; it shows in the delivery log")
    @APIResponse(responseCode = "202", description = "The queued delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryResponse.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "webhook_not_found",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response sendTest(@PathParam("id") String id) {
        return Response.accepted(webhooks.sendTest(id)).build();
    }
}
