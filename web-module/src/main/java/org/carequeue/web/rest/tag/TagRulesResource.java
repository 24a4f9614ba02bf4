package org.carequeue.web.rest.tag;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carequeue.api.tag.TagRuleRequest;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.tag.Tags;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Automatic tags from pre-questionnaire answers (operators). */
@Tag(name = "Tags", description = "Tags, their tree and automatic tag rules")
@RequestScoped
@Path("/v1/tag-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagRulesResource {

    @Inject
    Tags tags;

    @GET
    @Operation(operationId = "tagRules", summary = "The automatic tag rules (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagRuleResponse[].class, responseDescription = "The rules")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<TagRuleResponse> rules() {
        return tags.rules();
    }

    @POST
    @Operation(operationId = "addTagRule", summary = "Add a rule: when an answer field has a value, add a tag (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = TagRuleResponse.class, responseCode = "201", responseDescription = "The new rule")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response add(TagRuleRequest request) {
        TagRuleRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(tags.addRule(r.queueId(), r.field(), r.value(), r.tagId())).build();
    }

    @DELETE
    @Path("/{ruleId}")
    @Operation(operationId = "deleteTagRule", summary = "Delete a tag rule (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response delete(@PathParam("ruleId") String ruleId) {
        tags.deleteRule(ruleId);
        return Response.noContent().build();
    }
}
