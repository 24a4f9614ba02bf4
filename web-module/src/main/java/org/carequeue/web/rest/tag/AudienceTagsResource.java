package org.carequeue.web.rest.tag;

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
import org.carequeue.web.rest.Bodies;

/** The tags of one audience, for its holder and its queue's members. */
@Path("/v1/audiences/{audienceId}/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudienceTagsResource {

    @Inject
    Tags tags;

    @PathParam("audienceId")
    String audienceId;

    @GET
    public List<TagResponse> tags() {
        return tags.ofAudience(audienceId);
    }

    /** Replaces the set of tags; the answer is the audience's tags as stored. */
    @PUT
    public List<TagResponse> replace(AudienceTagsRequest request) {
        return tags.replaceAudienceTags(audienceId, Bodies.required(request).tagIds());
    }
}
