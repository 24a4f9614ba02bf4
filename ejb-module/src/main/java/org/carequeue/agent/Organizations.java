package org.carequeue.agent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.carequeue.api.organization.OrganizationSettingsRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.organization.Organization;
import org.carequeue.platform.InvalidInput;
import org.carequeue.security.Roles;

/**
 * The operator's own organization and its settings. It lives with the staff accounts because an
 * organization is always reached through its signed-in operator (as sign-up creates it with its
 * owner), never by an id from a client.
 */
@Stateless
public class Organizations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @RolesAllowed(Roles.OPERATOR)
    public OrganizationSettingsResponse settings() {
        return view(em.find(Organization.class, callers.currentOperator().organizationId()));
    }

    /**
     * Changes the settings given; a null keeps a setting as it is. The owner's only: the settings
     * hold operators to account (a reason for each transcript read), so operators cannot lift them.
     */
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditKind.ORGANIZATION_SETTINGS_CHANGED)
    public OrganizationSettingsResponse configure(OrganizationSettingsRequest settings) {
        if (settings == null) {
            throw new InvalidInput("settings are required");
        }
        Organization organization = em.find(Organization.class, callers.currentOperator().organizationId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (settings.requireTranscriptReason() != null) {
            organization.requireTranscriptReason(settings.requireTranscriptReason());
        }
        return view(organization);
    }

    private static OrganizationSettingsResponse view(Organization organization) {
        return new OrganizationSettingsResponse(organization.id(), organization.name(),
                organization.requiresTranscriptReason());
    }
}
