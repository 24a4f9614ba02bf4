package org.carequeue.web.rest.apikey;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.security.ApiKeys;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's API keys, for operators signed in with their own session (an API key never
 * manages keys): create (the answer is the only place the key appears), list with their use, revoke.
 */
@RequestScoped
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys for external systems; operators manage them")
@SecurityRequirement(name = ApiDocs.BEARER)
public class ApiKeysResource {

    @Inject
    ApiKeys apiKeys;

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key; the answer is the only time the key is shown")
    @APIResponseSchema(value = NewApiKeyResponse.class, responseCode = "201", responseDescription = "The key and its settings")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response create(ApiKeyRequest request) {
        return Response.status(Response.Status.CREATED).entity(apiKeys.create(Bodies.required(request))).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "The organization's API keys, newest first, with their last use and use count")
    @APIResponseSchema(value = ApiKeyResponse[].class, responseCode = "200", responseDescription = "The keys (never the key itself, only its first characters)")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<ApiKeyResponse> list() {
        return apiKeys.list();
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key: from now on it gets 401 invalid_api_key")
    @APIResponseSchema(value = ApiKeyResponse.class, responseCode = "200", responseDescription = "The revoked key")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ApiKeyResponse revoke(@PathParam("keyId") String keyId) {
        return apiKeys.revoke(keyId);
    }
}
