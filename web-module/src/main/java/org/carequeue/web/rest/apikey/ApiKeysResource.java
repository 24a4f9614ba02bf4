package org.carequeue.web.rest.apikey;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.ApiKeyResponse;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.security.ApiKeys;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's API keys, for operators signed in with their own session (an API key never
 * manages keys): create (the answer is the only place the key appears), list with their use, revoke.
 */
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys for external systems; operators manage them")
public class ApiKeysResource {

    @Inject
    ApiKeys apiKeys;

    @POST
    @Operation(summary = "Create an API key; the answer is the only time the key is shown")
    @APIResponse(responseCode = "201", description = "The key and its settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApiKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "validation_failed: no name, no or unknown scope, an agent who cannot act for these scopes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator, or called with an API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ApiKeyRequest request) {
        return Response.status(Response.Status.CREATED).entity(apiKeys.create(Bodies.required(request))).build();
    }

    @GET
    @Operation(summary = "The organization's API keys, newest first, with their last use and use count")
    @APIResponse(responseCode = "200", description = "The keys (never the key itself, only its first characters)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator, or called with an API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ApiKeyResponse> list() {
        return apiKeys.list();
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke an API key: from now on it gets 401 invalid_api_key")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "401", description = "not_authenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: not an operator, or called with an API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not_found: no such key in the organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyResponse revoke(@PathParam("keyId") String keyId) {
        return apiKeys.revoke(keyId);
    }
}
