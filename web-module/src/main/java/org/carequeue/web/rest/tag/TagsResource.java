package org.carequeue.web.rest.tag;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.tag.Tags;
import org.carequeue.web.rest.Bodies;

/** The organization's tag tree: agents read it, operators shape it. */
@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    Tags tags;

    /** Categories by name, each followed by its subcategories. */
    @GET
    public List<TagResponse> tree() {
        return tags.tree();
    }

    @POST
    public Response create(TagRequest request) {
        TagRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(tags.create(r.name(), r.colour(), r.parentId())).build();
    }

    @PUT
    @Path("/{tagId}")
    public TagResponse change(@PathParam("tagId") String tagId, TagRequest request) {
        TagRequest r = Bodies.required(request);
        return tags.change(tagId, r.name(), r.colour());
    }

    @DELETE
    @Path("/{tagId}")
    public Response delete(@PathParam("tagId") String tagId) {
        tags.delete(tagId);
        return Response.noContent().build();
    }
}
