package org.carequeue.web.rest.webhook;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookDeliveryResponse;
import org.carequeue.api.webhook.WebhookEnabledRequest;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.api.webhook.WebhookSubscriptionResponse;
import org.carequeue.platform.InvalidInput;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.webhook.Webhooks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' webhook subscriptions. Creating one answers its signing secret, the only time it is
 * shown. Another organization's subscription is 404 {@code webhook_not_found}.
 */
@RequestScoped
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to the organization's own systems (operators)")
@SecurityRequirement(name = ApiDocs.BEARER)
public class WebhooksResource {


    @Inject
    Webhooks webhooks;

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events; the answer carries the signing secret, shown only this once")
    @APIResponseSchema(value = NewWebhookSubscriptionResponse.class, responseCode = "201", responseDescription = "The subscription and its secret")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response subscribe(WebhookSubscriptionRequest request) {
        return Response.status(Response.Status.CREATED).entity(webhooks.subscribe(request)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The organization's webhook subscriptions, newest first (never their secrets)")
    @APIResponseSchema(value = WebhookSubscriptionResponse[].class, responseCode = "200", responseDescription = "The subscriptions")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<WebhookSubscriptionResponse> list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook subscription")
    @APIResponseSchema(value = WebhookSubscriptionResponse.class, responseCode = "200", responseDescription = "The subscription")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public WebhookSubscriptionResponse get(@PathParam("id") String id) {
        return webhooks.get(id);
    }

    @PUT
    @Path("/{id}/enabled")
    @Operation(operationId = "enableWebhook", summary = "Enable or disable a subscription; a disabled one gets no new events and its pending deliveries wait")
    @APIResponseSchema(value = WebhookSubscriptionResponse.class, responseCode = "200", responseDescription = "The subscription")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public WebhookSubscriptionResponse enable(@PathParam("id") String id, WebhookEnabledRequest request) {
        if (request == null) {
            throw new InvalidInput("enabled", "Send {\"enabled\": true} or {\"enabled\": false}");
        }
        return webhooks.enable(id, request.enabled());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription with its delivery log; pending deliveries are not sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest first; page on with the last id as before")
    @APIResponseSchema(value = WebhookDeliveryResponse[].class, responseCode = "200", responseDescription = "Deliveries with status, attempts, last response and next retry")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<WebhookDeliveryResponse> deliveries(@PathParam("id") String id,
                                                    @Parameter(description = "Only deliveries with a smaller id")
                                                    @QueryParam("before") Long before,
                                                    @Parameter(description = "At most this many, 1 to 100")
                                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(id, before, limit);
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "sendWebhookTestEvent", summary = "Send a test event to this subscription; it shows in the delivery log")
    @APIResponseSchema(value = WebhookDeliveryResponse.class, responseCode = "202", responseDescription = "The queued delivery")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response sendTest(@PathParam("id") String id) {
        return Response.accepted(webhooks.sendTest(id)).build();
    }
}
