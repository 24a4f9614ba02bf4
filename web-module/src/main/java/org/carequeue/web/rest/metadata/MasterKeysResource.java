package org.carequeue.web.rest.metadata;

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
import org.carequeue.metadata.MasterKeys;

/**
 * The organization's master keys for secure metadata: the owner creates (the answer is the only
 * place the secret appears) and revokes them; operators list them.
 */
@Path("/v1/master-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MasterKeysResource {

    @Inject
    MasterKeys masterKeys;

    @POST
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(masterKeys.create()).build();
    }

    @GET
    public List<MasterKeyResponse> list() {
        return masterKeys.list();
    }

    @DELETE
    @Path("/{keyId}")
    public MasterKeyResponse revoke(@PathParam("keyId") String keyId) {
        return masterKeys.revoke(keyId);
    }
}
