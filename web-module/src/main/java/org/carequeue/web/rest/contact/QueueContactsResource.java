package org.carequeue.web.rest.contact;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.contact.ContactsPage;
import org.carequeue.contact.Contacts;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.carequeue.web.rest.RateLimited;
import org.carequeue.web.security.RateLimits.Limit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A queue's registered contacts: customers leave them (no account), members read them. */
@Tag(name = "Contacts", description = "Contact details customers leave in a queue")
@RequestScoped
@Path("/v1/queues/{queueId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueContactsResource {

    @Inject
    Contacts contacts;

    @PathParam("queueId")
    String queueId;

    @POST
    @Operation(operationId = "registerContact", summary = "A customer leaves their contact details in the queue (no account needed)")
    @APIResponseSchema(value = ContactResponse.class, responseCode = "201", responseDescription = "The registered contact")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RateLimited(perAddress = Limit.REQUESTS_PER_ADDRESS)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response register(ContactRequest request) {
        return Response.status(Response.Status.CREATED).entity(contacts.register(queueId, Bodies.required(request)))
                .build();
    }

    /** Newest first. */
    @GET
    @Operation(operationId = "queueContacts", summary = "The queue's registered contacts, newest first, a page at a time (members)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = ContactsPage.class, responseDescription = "A page of contacts")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ContactsPage page(@QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("50") int limit) {
        return contacts.inQueue(queueId, offset, limit);
    }
}
