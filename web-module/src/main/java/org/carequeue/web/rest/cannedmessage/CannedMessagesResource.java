package org.carequeue.web.rest.cannedmessage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.cannedmessage.CannedMessages;
import org.carequeue.web.rest.Bodies;

/**
 * Canned messages: every agent reads their personal ones and the organization's, and manages
 * their personal ones; operators also manage the organization's ({@code scope: organization}).
 */
@Path("/v1/canned-messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedMessagesResource {

    @Inject
    CannedMessages cannedMessages;

    /** The caller's personal messages, then the organization's, each by keyword. */
    @GET
    public List<CannedMessageResponse> available() {
        return cannedMessages.available();
    }

    @POST
    public Response create(CannedMessageRequest request) {
        CannedMessageRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(cannedMessages.create(r.scope(), r.keyword(), r.message())).build();
    }

    @PUT
    @Path("/{id}")
    public CannedMessageResponse change(@PathParam("id") String id, CannedMessageRequest request) {
        CannedMessageRequest r = Bodies.required(request);
        return cannedMessages.change(id, r.keyword(), r.message());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        cannedMessages.delete(id);
        return Response.noContent().build();
    }
}
