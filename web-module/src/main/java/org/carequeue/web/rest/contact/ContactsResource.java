package org.carequeue.web.rest.contact;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One registered contact, for the members of its queue. */
@Tag(name = "Contacts", description = "Contact details customers leave in a queue")
@RequestScoped
@Path("/v1/contacts/{contactId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject
    Contacts contacts;

    @PathParam("contactId")
    String contactId;

    @GET
    @Operation(operationId = "contact", summary = "A registered contact (members of its queue)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = ContactResponse.class, responseDescription = "The contact")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ContactResponse contact() {
        return contacts.contact(contactId);
    }

    @PUT
    @Path("/comment")
    @Operation(operationId = "commentContact", summary = "Set the members' comment on a contact")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = ContactResponse.class, responseDescription = "The contact as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ContactResponse comment(ContactCommentRequest request) {
        return contacts.comment(contactId, Bodies.required(request).comment());
    }
}
