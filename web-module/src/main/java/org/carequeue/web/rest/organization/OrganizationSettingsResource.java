package org.carequeue.web.rest.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.carequeue.agent.Organizations;
import org.carequeue.api.organization.OrganizationSettingsRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.web.rest.ApiDocs;
import org.carequeue.web.rest.Bodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in operator's organization's settings. */
@Tag(name = "Organizations", description = "Sign-up, settings and the public view of queues")
@RequestScoped
@Path("/v1/organization/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationSettingsResource {

    @Inject
    Organizations organizations;

    @GET
    @Operation(operationId = "organizationSettings", summary = "The caller's organization's settings (operators)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = OrganizationSettingsResponse.class, responseDescription = "The settings")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public OrganizationSettingsResponse settings() {
        return organizations.settings();
    }

    @PUT
    @Operation(operationId = "configureOrganization", summary = "Change the organization's settings (owner)")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = OrganizationSettingsResponse.class, responseDescription = "The settings as stored")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public OrganizationSettingsResponse configure(OrganizationSettingsRequest request) {
        return organizations.configure(Bodies.required(request));
    }
}
