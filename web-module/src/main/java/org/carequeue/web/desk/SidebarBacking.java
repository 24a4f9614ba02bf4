package org.carequeue.web.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AlertSettings;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/** The desk's sidebar: the agent's conversations and their alert settings (queues come from {@link DeskSession}). */
@Named("sidebar")
@RequestScoped
public class SidebarBacking {

    @Inject
    WaitingLines lines;

    @Inject
    Agents agents;

    private List<AudienceResponse> conversations;
    private AlertSettings alerts;
    private boolean sound;
    private boolean desktop;
    private boolean email;

    public List<AudienceResponse> getConversations() {
        if (conversations == null) {
            conversations = lines.conversations();
        }
        return conversations;
    }

    public AlertSettings getAlerts() {
        if (alerts == null) {
            alerts = agents.alerts();
            sound = alerts.sound();
            desktop = alerts.desktop();
            email = alerts.email();
        }
        return alerts;
    }

    /** Opens the settings dialog with the stored values. */
    public void editAlerts() {
        getAlerts();
    }

    public void saveAlerts() {
        try {
            alerts = agents.changeAlerts(sound, desktop, email);
            Feedback.info("Alert settings saved");
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public boolean isSound() {
        getAlerts();
        return sound;
    }

    public void setSound(boolean sound) {
        this.sound = sound;
    }

    public boolean isDesktop() {
        getAlerts();
        return desktop;
    }

    public void setDesktop(boolean desktop) {
        this.desktop = desktop;
    }

    public boolean isEmail() {
        getAlerts();
        return email;
    }

    public void setEmail(boolean email) {
        this.email = email;
    }
}
