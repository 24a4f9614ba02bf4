package org.carequeue.web.rest.site;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteView;
import org.carequeue.site.Sites;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sites of the chat widget. Anyone reads a site by its key, as the widget shows it; operators
 * (bearer token, or a key that manages queues) list, create, read whole, replace and delete their
 * organization's sites. Whether the caller authenticated decides what {@code GET /{siteKey}} is.
 */
@Tag(name = "Sites", description = "The chat widget's site configurations: public view and operators' editing")
@RequestScoped
@Path("/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SitesResource {

    @Inject
    Sites sites;

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "sites", summary = "The organization's sites, by name (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = SiteConfiguration[].class, responseDescription = "Every site's configuration")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public List<SiteConfiguration> list() {
        return sites.list();
    }

    @POST
    @Operation(operationId = "createSite", summary = "Create a site; the answer carries its new key (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = SiteConfiguration.class, responseCode = "201", responseDescription = "The new site")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public Response create(SiteConfiguration configuration) {
        return Response.status(Response.Status.CREATED).entity(sites.create(Bodies.required(configuration))).build();
    }

    /**
     * Without authentication: the site as the widget shows it, in {@code lang}. With an
     * operator's bearer token (or an API key): the whole configuration, as {@code PUT} takes it.
     */
    @GET
    @Path("/{siteKey}")
    @Operation(operationId = "site", summary = "A site as the widget shows it (no account needed); with an"
            + " operator's token, its whole SiteConfiguration")
    @APIResponseSchema(value = SiteView.class, responseDescription = "The site in the language asked for (with an"
            + " operator's bearer token: the SiteConfiguration that PUT takes)")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response site(@PathParam("siteKey") String siteKey,
                         @Parameter(description = "fi, en or sv; the site's default language when absent or another")
                         @QueryParam("lang") String language) {
        return Response.ok(security.getUserPrincipal() == null
                ? sites.view(siteKey, language) : sites.configuration(siteKey)).build();
    }

    @PUT
    @Path("/{siteKey}")
    @Operation(operationId = "replaceSite", summary = "Replace a site's whole configuration (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = SiteConfiguration.class, responseDescription = "The site as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public SiteConfiguration replace(@PathParam("siteKey") String siteKey, SiteConfiguration configuration) {
        return sites.replace(siteKey, Bodies.required(configuration));
    }

    @DELETE
    @Path("/{siteKey}")
    @Operation(operationId = "deleteSite", summary = "Delete a site: its embed snippet stops working (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response delete(@PathParam("siteKey") String siteKey) {
        sites.delete(siteKey);
        return Response.noContent().build();
    }
}
