package org.carequeue.web.rest.attachment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.message.AttachmentLimit;
import org.carequeue.message.Attachments;
import org.carequeue.message.Conversations;
import org.carequeue.message.Download;
import org.carequeue.message.Posted;
import org.carequeue.message.Upload;
import org.carequeue.security.Roles;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.RateLimited;
import org.carequeue.web.security.AgentAuthentication;
import org.carequeue.web.security.RateLimits.Limit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files of an audience, for both sides as in {@code AudiencesResource}. An upload is the file
 * itself as the request body (any {@code Content-Type}: the bytes decide what it is), with
 * {@code clientMessageId} and {@code name} in the query; it is read past the JSON body limit, up to
 * the attachment limit and never further.
 */
@Tag(name = "Attachments", description = "Files and pictures sent in a conversation")
@RequestScoped
@Path("/v1/audiences/{audienceId}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentsResource {

    @Inject
    Conversations conversations;

    @Inject
    Attachments attachments;

    @Inject
    AttachmentLimit limit;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @PathParam("audienceId")
    String audienceId;

    /** 201 with the stored message's ack; 200 with the original when the clientMessageId was posted before. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "uploadAttachment", summary = "Send a file: the request body is the file, clientMessageId and name in the query")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @RequestBody(description = "The file's bytes, with any Content-Type (the bytes decide what it is)", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    @APIResponseSchema(value = PostMessageResponse.class, responseCode = "201", responseDescription = "Stored (200 with the original when the clientMessageId was posted before)")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiDocs.PAYLOAD_TOO_LARGE)
    @RateLimited(perAddress = Limit.UPLOADS_PER_ADDRESS, perToken = Limit.UPLOADS_PER_TOKEN)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response upload(@QueryParam("clientMessageId") String clientMessageId, @QueryParam("name") String name)
            throws IOException, InterruptedException {
        try (Uploads.Admission admitted = Uploads.admit()) {
            Upload upload = new Upload(name,
                    Uploads.readAtMost(http.getInputStream(), http.getContentLengthLong(), limit.maxBytes()));
            Posted posted = isAgent()
                    ? conversations.postAttachmentAsAgent(audienceId, clientMessageId, upload)
                    : conversations.postAttachmentAsCustomer(audienceId, customerToken(), clientMessageId, upload);
            return Response.status(posted.created() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(posted.message()).build();
        }
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "attachment", summary = "Download a file of the conversation")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "200", description = "The file, with its own Content-Type (image/png, application/pdf, ...)",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response file(@PathParam("attachmentId") String attachmentId) {
        return reply(download(attachmentId, false));
    }

    @GET
    @Path("/{attachmentId}/thumbnail")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "attachmentThumbnail", summary = "A picture's thumbnail")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "200", description = "The thumbnail, with its own Content-Type",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response thumbnail(@PathParam("attachmentId") String attachmentId) {
        return reply(download(attachmentId, true));
    }

    private Download download(String attachmentId, boolean thumbnail) {
        return isAgent()
                ? attachments.forAgent(audienceId, attachmentId, thumbnail)
                : attachments.forCustomer(audienceId, customerToken(), attachmentId, thumbnail);
    }

    private static Response reply(Download file) {
        Response.ResponseBuilder reply = Response.ok(file.bytes());
        FileReplies.headers(file).forEach(reply::header);
        return reply.build();
    }

    private boolean isAgent() {
        return security.isUserInRole(Roles.AGENT);
    }

    private String customerToken() {
        return AgentAuthentication.bearerToken(http);
    }
}
