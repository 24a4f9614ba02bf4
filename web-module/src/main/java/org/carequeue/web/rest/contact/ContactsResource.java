package org.carequeue.web.rest.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.api.contact.ContactCommentRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.contact.Contacts;
import org.carequeue.web.rest.Bodies;

/** One registered contact, for the members of its queue. */
@Path("/v1/contacts/{contactId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject
    Contacts contacts;

    @PathParam("contactId")
    String contactId;

    @GET
    public ContactResponse contact() {
        return contacts.contact(contactId);
    }

    @PUT
    @Path("/comment")
    public ContactResponse comment(ContactCommentRequest request) {
        return contacts.comment(contactId, Bodies.required(request).comment());
    }
}
