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
import org.carequeue.api.note.AudienceNotesRequest;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.note.Notes;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notes of one audience (its queue's note form with values), for its holder and its queue's members. */
@Tag(name = "Notes", description = "Notes on conversations, in the queue's note form")
@RequestScoped
@Path("/v1/audiences/{audienceId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudienceNotesResource {

    @Inject
    Notes notes;

    @PathParam("audienceId")
    String audienceId;

    @GET
    @Operation(operationId = "audienceNotes", summary = "A conversation's notes with the queue's note form")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceNotesResponse.class, responseDescription = "The notes")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public AudienceNotesResponse notes() {
        return notes.ofAudience(audienceId);
    }

    /** Saves the values named by field id; fields not named keep theirs. */
    @PUT
    @Operation(operationId = "saveAudienceNotes", summary = "Save note values by field id; fields not named keep theirs")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = AudienceNotesResponse.class, responseDescription = "The notes as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public AudienceNotesResponse save(AudienceNotesRequest request) {
        return notes.save(audienceId, Bodies.required(request).values());
    }
}
