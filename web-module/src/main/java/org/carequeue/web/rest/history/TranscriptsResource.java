package org.carequeue.web.rest.history;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One audience's transcript for operators, as JSON or (with {@code Accept: text/csv}) as a CSV
 * file, and its audit trail. {@code reason} is required when the organization asks for one.
 */
@Tag(name = "History", description = "The organization's conversations and transcripts (operators)")
@RequestScoped
@Path("/v1/audiences/{audienceId}/transcript")
public class TranscriptsResource {

    @Inject
    Transcripts transcripts;

    @PathParam("audienceId")
    String audienceId;

    // Before the JSON method: OpenAPI has one operation per method and path, and Payara keeps the last
    // one it reads (the JSON one, whose summary names the CSV).
    @GET
    @Produces(TranscriptCsv.MEDIA_TYPE)
    @Operation(operationId = "transcriptCsv", summary = "A conversation's transcript as a CSV file (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = String.class, responseDescription = "The transcript as CSV")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response csv(@QueryParam("reason") String reason) {
        TranscriptResponse transcript = transcripts.read(audienceId, reason, ReadingChannel.CSV);
        return Response.ok(TranscriptCsv.of(transcript))
                .header("Content-Disposition", "attachment; filename=\"" + TranscriptCsv.fileName(transcript) + "\"")
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transcript", summary = "A conversation's transcript; Accept: text/csv gives a CSV file (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TranscriptResponse.class, responseDescription = "The transcript")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TranscriptResponse json(@QueryParam("reason") String reason) {
        return transcripts.read(audienceId, reason, ReadingChannel.REST);
    }

    @GET
    @Path("/readings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transcriptReadings", summary = "Who read a transcript, when, how and why (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TranscriptReadingResponse[].class, responseDescription = "The audit trail")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<TranscriptReadingResponse> readings() {
        return transcripts.readings(audienceId);
    }
}
