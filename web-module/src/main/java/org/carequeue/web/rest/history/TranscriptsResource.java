package org.carequeue.web.rest.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.history.TranscriptReadingResponse;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.history.ReadingChannel;
import org.carequeue.history.Transcripts;

/**
 * One audience's transcript for operators, as JSON or (with {@code Accept: text/csv}) as a CSV
 * file, and its audit trail. {@code reason} is required when the organization asks for one.
 */
@Path("/v1/audiences/{audienceId}/transcript")
public class TranscriptsResource {

    @Inject
    Transcripts transcripts;

    @PathParam("audienceId")
    String audienceId;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TranscriptResponse json(@QueryParam("reason") String reason) {
        return transcripts.read(audienceId, reason, ReadingChannel.REST);
    }

    @GET
    @Produces(TranscriptCsv.MEDIA_TYPE)
    public Response csv(@QueryParam("reason") String reason) {
        TranscriptResponse transcript = transcripts.read(audienceId, reason, ReadingChannel.CSV);
        return Response.ok(TranscriptCsv.of(transcript))
                .header("Content-Disposition", "attachment; filename=\"" + TranscriptCsv.fileName(transcript) + "\"")
                .build();
    }

    @GET
    @Path("/readings")
    @Produces(MediaType.APPLICATION_JSON)
    public List<TranscriptReadingResponse> readings() {
        return transcripts.readings(audienceId);
    }
}
