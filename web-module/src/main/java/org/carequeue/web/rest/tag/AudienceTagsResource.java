package org.carequeue.web.rest.tag;

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
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.tag.Tags;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tags of one audience, for its holder and its queue's members. */
@Tag(name = "Tags", description = "Tags, their tree and automatic tag rules")
@RequestScoped
@Path("/v1/audiences/{audienceId}/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudienceTagsResource {

    @Inject
    Tags tags;

    @PathParam("audienceId")
    String audienceId;

    @GET
    @Operation(operationId = "audienceTags", summary = "A conversation's tags")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagResponse[].class, responseDescription = "The tags")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<TagResponse> tags() {
        return tags.ofAudience(audienceId);
    }

    /** Replaces the set of tags; the answer is the audience's tags as stored. */
    @PUT
    @Operation(operationId = "replaceAudienceTags", summary = "Replace a conversation's tags")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagResponse[].class, responseDescription = "The tags as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public List<TagResponse> replace(AudienceTagsRequest request) {
        return tags.replaceAudienceTags(audienceId, Bodies.required(request).tagIds());
    }
}
