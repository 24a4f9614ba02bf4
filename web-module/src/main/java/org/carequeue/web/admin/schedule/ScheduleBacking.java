package org.carequeue.web.admin.schedule;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.queue.Queues;
import org.carequeue.schedule.ScheduleOverview;
import org.carequeue.web.faces.Feedback;

/**
 * A queue's schedule page (operators): the editor, import of Ninchat JSON (pasted or read from a
 * file by the page) and export. Saving and importing go through the boundary call the REST
 * {@code PUT .../schedule} makes; a refusal shows beside the row, the time zone or the pasted JSON.
 */
@Named
@ViewScoped
public class ScheduleBacking implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final int ZONE_SUGGESTIONS = 15;

    @Inject
    Queues queues;

    private String queueId;
    private String queueName;
    private String json;
    private String nextOpening;
    private String nextClosing;
    private ScheduleEditor editor;
    private String importJson;

    /** Reads the schedule; an unknown queue sends the operator back to the queues. */
    public void load() {
        try {
            show(queues.scheduleOverview(queueId));
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
            Feedback.redirect("/admin/queues.xhtml");
        }
    }

    public void save() {
        replace(editor.toJson(), "scheduleForm");
    }

    /** The pasted JSON replaces the schedule as it is; refused, nothing changes and the editor keeps its rows. */
    public void importSchedule() {
        if (replace(importJson == null ? "" : importJson, "importForm")) {
            importJson = null;
        }
    }

    private boolean replace(String scheduleJson, String formId) {
        try {
            show(queues.replaceSchedule(queueId, scheduleJson));
            Feedback.info("The schedule of " + queueName + " is saved.");
            return true;
        } catch (InvalidInput refused) {
            if ("importForm".equals(formId)) {
                beside("importForm:importJson", refused);
            } else if (!editor.markRefusal(refused.field(), refused.getMessage())) {
                Feedback.refused(refused, formId);
            } else {
                FacesContext.getCurrentInstance().validationFailed();
            }
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
        return false;
    }

    /** A refusal of pasted JSON names the JSON field at fault, which has no input of its own. */
    private static void beside(String clientId, InvalidInput refused) {
        String message = refused.getMessage();
        if (refused.field() != null && !message.contains(refused.field())) {
            message = refused.field() + ": " + message;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    private void show(ScheduleOverview overview) {
        queueName = overview.queueName();
        json = overview.json();
        nextOpening = when(overview.nextOpening());
        nextClosing = when(overview.nextClosing());
        editor = ScheduleEditor.of(overview.schedule());
    }

    private static String when(ZonedDateTime at) {
        return at == null ? null : WHEN.format(at);
    }

    /** The time zones whose id contains what was typed ("hels" finds Europe/Helsinki). */
    public List<String> zones(String typed) {
        String part = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return ZONES.stream().filter(zone -> zone.toLowerCase(Locale.ROOT).contains(part))
                .limit(ZONE_SUGGESTIONS).toList();
    }

    /** The saved schedule as a download link's address. */
    public String getExportHref() {
        return "data:application/json;charset=utf-8," + URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String getExportFileName() {
        return queueName.replaceAll("[^\\p{L}\\p{N}]+", "-") + "-schedule.json";
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public String getQueueName() {
        return queueName;
    }

    public String getJson() {
        return json;
    }

    public String getNextOpening() {
        return nextOpening;
    }

    public String getNextClosing() {
        return nextClosing;
    }

    public ScheduleEditor getEditor() {
        return editor;
    }

    public String getImportJson() {
        return importJson;
    }

    public void setImportJson(String importJson) {
        this.importJson = importJson;
    }
}
