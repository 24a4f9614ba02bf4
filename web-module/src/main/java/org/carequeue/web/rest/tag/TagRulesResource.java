package org.carequeue.web.rest.tag;

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
import org.carequeue.web.rest.Bodies;

/** Automatic tags from pre-questionnaire answers (operators). */
@Path("/v1/tag-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagRulesResource {

    @Inject
    Tags tags;

    @GET
    public List<TagRuleResponse> rules() {
        return tags.rules();
    }

    @POST
    public Response add(TagRuleRequest request) {
        TagRuleRequest r = Bodies.required(request);
        return Response.status(Response.Status.CREATED)
                .entity(tags.addRule(r.queueId(), r.field(), r.value(), r.tagId())).build();
    }

    @DELETE
    @Path("/{ruleId}")
    public Response delete(@PathParam("ruleId") String ruleId) {
        tags.deleteRule(ruleId);
        return Response.noContent().build();
    }
}
