package org.carequeue.web.admin.organization;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.carequeue.agent.Organizations;
import org.carequeue.api.organization.OrganizationSettingsRequest;
import org.carequeue.api.organization.OrganizationSettingsResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/** The organization's settings (operators). */
@Named
@ViewScoped
public class OrganizationBacking implements Serializable {

    @Inject
    Organizations organizations;

    private OrganizationSettingsResponse settings;
    private boolean requireTranscriptReason;

    public void load() {
        if (settings == null) {
            settings = organizations.settings();
            requireTranscriptReason = settings.requireTranscriptReason();
        }
    }

    public void save() {
        try {
            settings = organizations.configure(new OrganizationSettingsRequest(requireTranscriptReason));
            Feedback.info("The settings were saved.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, "settingsForm");
        }
    }

    public OrganizationSettingsResponse getSettings() {
        return settings;
    }

    public boolean isRequireTranscriptReason() {
        return requireTranscriptReason;
    }

    public void setRequireTranscriptReason(boolean requireTranscriptReason) {
        this.requireTranscriptReason = requireTranscriptReason;
    }
}
