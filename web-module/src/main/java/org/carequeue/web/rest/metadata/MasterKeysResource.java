package org.carequeue.web.rest.metadata;

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
import org.carequeue.api.metadata.MasterKeyResponse;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.metadata.MasterKeys;
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's master keys for secure metadata: the owner creates (the answer is the only
 * place the secret appears) and revokes them; operators list them.
 */
@Tag(name = "Master keys", description = "Keys for secure metadata")
@RequestScoped
@Path("/v1/master-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MasterKeysResource {

    @Inject
    MasterKeys masterKeys;

    @POST
    @Operation(operationId = "createMasterKey", summary = "Create a master key; the answer is the only place its secret appears (owner)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = NewMasterKeyResponse.class, responseCode = "201", responseDescription = "The new key with its secret")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(masterKeys.create()).build();
    }

    @GET
    @Operation(operationId = "masterKeys", summary = "The organization's master keys, without secrets (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = MasterKeyResponse[].class, responseDescription = "The keys")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<MasterKeyResponse> list() {
        return masterKeys.list();
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(operationId = "revokeMasterKey", summary = "Revoke a master key (owner)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = MasterKeyResponse.class, responseDescription = "The key, revoked")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public MasterKeyResponse revoke(@PathParam("keyId") String keyId) {
        return masterKeys.revoke(keyId);
    }
}
