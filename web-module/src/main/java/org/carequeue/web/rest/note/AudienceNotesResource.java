package org.carequeue.web.rest.note;

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
import org.carequeue.web.rest.Bodies;

/** The notes of one audience (its queue's note form with values), for its holder and its queue's members. */
@Path("/v1/audiences/{audienceId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudienceNotesResource {

    @Inject
    Notes notes;

    @PathParam("audienceId")
    String audienceId;

    @GET
    public AudienceNotesResponse notes() {
        return notes.ofAudience(audienceId);
    }

    /** Saves the values named by field id; fields not named keep theirs. */
    @PUT
    public AudienceNotesResponse save(AudienceNotesRequest request) {
        return notes.save(audienceId, Bodies.required(request).values());
    }
}
