package org.carequeue.web.rest.tag;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's tag tree: agents read it, operators shape it. */
@Tag(name = "Tags", description = "Tags, their tree and automatic tag rules")
@RequestScoped
@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    Tags tags;

    /** Categories by name, each followed by its subcategories. */
    @GET
    @Operation(operationId = "tags", summary = "The organization's tags: categories by name, each followed by its subcategories")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagResponse[].class, responseDescription = "The tag tree")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<TagResponse> tree() {
        return tags.tree();
    }

    @POST
    @Operation(operationId = "createTag", summary = "Create a tag or a subcategory (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagResponse.class, responseCode = "201", responseDescription = "The new tag")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response create(TagRequest request) {
        TagRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED).entity(tags.create(r.name(), r.colour(), r.parentId())).build();
    }

    @PUT
    @Path("/{tagId}")
    @Operation(operationId = "changeTag", summary = "Rename or recolour a tag (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagResponse.class, responseDescription = "The tag as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public TagResponse change(@PathParam("tagId") String tagId, TagRequest request) {
        TagRequest r = Bodies.required(request);
        return tags.change(tagId, r.name(), r.colour());
    }

    @DELETE
    @Path("/{tagId}")
    @Operation(operationId = "deleteTag", summary = "Delete a tag; it leaves every conversation and its rules go (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response delete(@PathParam("tagId") String tagId) {
        tags.delete(tagId);
        return Response.noContent().build();
    }
}
