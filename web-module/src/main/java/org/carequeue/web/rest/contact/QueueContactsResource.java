package org.carequeue.web.rest.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactsPage;
import org.carequeue.contact.Contacts;
import org.carequeue.web.rest.Bodies;

/** A queue's registered contacts: customers leave them (no account), members read them. */
@Path("/v1/queues/{queueId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueContactsResource {

    @Inject
    Contacts contacts;

    @PathParam("queueId")
    String queueId;

    @POST
    public Response register(ContactRequest request) {
        return Response.status(Response.Status.CREATED).entity(contacts.register(queueId, Bodies.required(request)))
                .build();
    }

    /** Newest first. */
    @GET
    public ContactsPage page(@QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("50") int limit) {
        return contacts.inQueue(queueId, offset, limit);
    }
}
