package org.carequeue.web.rest.note;

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
import org.carequeue.web.rest.Bodies;

/** A queue's note form (operators). */
@Path("/v1/queues/{queueId}/note-fields")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteFieldsResource {

    @Inject
    Notes notes;

    @PathParam("queueId")
    String queueId;

    @GET
    public List<NoteFieldResponse> fields() {
        return notes.fields(queueId);
    }

    /** Replaces the form, in order; fields given with their id keep their notes. */
    @PUT
    public List<NoteFieldResponse> replace(NoteFieldsRequest request) {
        return notes.replaceFields(queueId, Bodies.required(request).fields());
    }
}
