package org.carequeue.web.rest.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.api.note.NoteFieldsRequest;
import org.carequeue.note.Notes;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A queue's note form (operators). */
@Tag(name = "Notes", description = "Notes on conversations, in the queue's note form")
@RequestScoped
@Path("/v1/queues/{queueId}/note-fields")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteFieldsResource {

    @Inject
    Notes notes;

    @PathParam("queueId")
    String queueId;

    @GET
    @Operation(operationId = "noteFields", summary = "A queue's note form (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = NoteFieldResponse[].class, responseDescription = "The fields in order")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<NoteFieldResponse> fields() {
        return notes.fields(queueId);
    }

    /** Replaces the form, in order; fields given with their id keep their notes. */
    @PUT
    @Operation(operationId = "replaceNoteFields", summary = "Replace a queue's note form, in order (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = NoteFieldResponse[].class, responseDescription = "The fields as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<NoteFieldResponse> replace(NoteFieldsRequest request) {
        return notes.replaceFields(queueId, Bodies.required(request).fields());
    }
}
