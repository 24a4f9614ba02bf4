package org.carequeue.web.rest.organization;

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
import org.carequeue.web.rest.Bodies;

/** The signed-in operator's organization's settings. */
@Path("/v1/organization/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationSettingsResource {

    @Inject
    Organizations organizations;

    @GET
    public OrganizationSettingsResponse settings() {
        return organizations.settings();
    }

    @PUT
    public OrganizationSettingsResponse configure(OrganizationSettingsRequest request) {
        return organizations.configure(Bodies.required(request));
    }
}
