package org.carequeue.web.admin.sites;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.queue.Queues;
import org.carequeue.site.Sites;
import org.carequeue.web.faces.Feedback;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sites page: the organization's sites, one edited at a time (texts per language, the
 * questionnaires, queues, switches, origins), deleted after a confirmation, and the embed snippet
 * of a saved one. A refusal goes beside the input of the field the boundary names, and nothing is
 * saved.
 */
@Named
@ViewScoped
public class SitesBacking implements Serializable {

    /** A questionnaire's field as the boundary names it: {@code preQuestionnaire[2].options[0].label.sv}. */
    private static final Pattern QUESTION = Pattern.compile("(pre|post)Questionnaire\\[(\\d+)](?:\\.(name|type|label\\.(\\w+)|options(?:\\[(\\d+)]\\.(value|label\\.(\\w+)))?))?");
    private static final Pattern TEXT = Pattern.compile("texts\\.(\\w+)\\.(welcome|motd|closed|queueing)");
    private static final Pattern ORIGIN = Pattern.compile("allowedOrigins\\[(\\d+)]");

    @Inject
    Sites sites;

    @Inject
    Queues queues;

    private transient List<SiteConfiguration> all;
    private transient Map<String, String> queueNames;
    private SiteEditor editor;
    /** The language tab of the texts in front. */
    private int textsTab;

    public void startCreate() {
        editor = SiteEditor.blank(List.copyOf(getQueueNames().keySet()));
        textsTab = 0;
    }

    public void edit(SiteConfiguration site) {
        editor = SiteEditor.of(sites.configuration(site.siteKey()), List.copyOf(getQueueNames().keySet()));
        textsTab = 0;
    }

    public void cancel() {
        editor = null;
    }

    public void save() {
        try {
            SiteConfiguration saved = editor.getSiteKey() == null ? sites.create(editor.configuration())
                    : sites.replace(editor.getSiteKey(), editor.configuration());
            editor = SiteEditor.of(saved, List.copyOf(getQueueNames().keySet()));
            all = null;
            Feedback.info(saved.name() + " is saved.");
        } catch (InvalidInput refused) {
            beside(refused);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void delete(SiteConfiguration site) {
        try {
            sites.delete(site.siteKey());
            all = null;
            if (editor != null && site.siteKey().equals(editor.getSiteKey())) {
                editor = null;
            }
            Feedback.info(site.name() + " is deleted: its snippet no longer shows the chat.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** Shows the refusal beside the input of the field it names (its client id in the form). */
    private void beside(InvalidInput refused) {
        String field = refused.field() == null ? "" : refused.field();
        String message = refused.getMessage();
        String clientId = null;
        Matcher m;
        if (List.of("name", "defaultLanguage", "queueIds", "autoQueueId").contains(field)) {
            clientId = "siteForm:" + field;
        } else if ((m = ORIGIN.matcher(field)).matches()) {
            clientId = "siteForm:allowedOrigins";
            int index = Integer.parseInt(m.group(1));
            List<SiteEditor.Line> lines = editor.originLines();
            if (index < lines.size()) {
                message = "Line " + lines.get(index).number() + ": " + message;
            }
        } else if ((m = TEXT.matcher(field)).matches() && SiteConfiguration.LANGUAGES.contains(m.group(1))) {
            textsTab = SiteConfiguration.LANGUAGES.indexOf(m.group(1));
            clientId = "siteForm:texts:" + textsTab + ":" + m.group(2);
        } else if ((m = QUESTION.matcher(field)).matches()) {
            clientId = "siteForm:" + m.group(1) + ":questions:" + m.group(2) + ":" + questionInput(m);
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    /** The input of a questionnaire row (or of one of its options) that a refusal names. */
    private static String questionInput(Matcher m) {
        if (m.group(3) == null || "name".equals(m.group(3))) {
            return "name";
        }
        if ("type".equals(m.group(3))) {
            return "type";
        }
        if (m.group(4) != null) {
            return "label_" + m.group(4);
        }
        if (m.group(5) == null) {
            return "addOption";
        }
        return "options:" + m.group(5) + ":" + ("value".equals(m.group(6)) ? "value" : "label_" + m.group(7));
    }

    /** The tag customers put on their pages. */
    public String snippet(String siteKey) {
        return "<script src=\"" + baseUrl() + "/widget/loader.js\" data-site=\"" + siteKey + "\" async></script>";
    }

    /** Where customers' pages load the widget from: CAREQUEUE_PUBLIC_URL, else this request's address. */
    private static String baseUrl() {
        Optional<String> publicUrl = ConfigProvider.getConfig().getOptionalValue("carequeue.public-url", String.class);
        if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
            return publicUrl.get().replaceAll("/+$", "");
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String scheme = external.getRequestScheme();
        int port = external.getRequestServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + external.getRequestServerName() + (defaultPort ? "" : ":" + port)
                + external.getRequestContextPath();
    }

    public String queueName(String queueId) {
        return getQueueNames().getOrDefault(queueId, queueId);
    }

    /** The sites' queue names for the list: "Support, Billing". */
    public String queueList(SiteConfiguration site) {
        return String.join(", ", site.queueIds().stream().map(this::queueName).toList());
    }

    public List<SiteConfiguration> getAll() {
        if (all == null) {
            all = sites.list();
        }
        return all;
    }

    /** The organization's queues by name: id to name. */
    public Map<String, String> getQueueNames() {
        if (queueNames == null) {
            queueNames = new LinkedHashMap<>();
            for (QueueMembersResponse queue : queues.organizationQueues()) {
                queueNames.put(queue.queue().id(), queue.queue().name());
            }
        }
        return queueNames;
    }

    public List<String> getLanguages() {
        return SiteConfiguration.LANGUAGES;
    }

    public String languageName(String language) {
        return switch (language) {
            case "fi" -> "Suomi (fi)";
            case "en" -> "English (en)";
            case "sv" -> "Svenska (sv)";
            default -> language;
        };
    }

    public List<String> getFieldTypes() {
        return List.of(QuestionnaireField.TEXT, QuestionnaireField.TEXTAREA, QuestionnaireField.SELECT,
                QuestionnaireField.RADIO, QuestionnaireField.CHECKBOX);
    }

    public SiteEditor getEditor() {
        return editor;
    }

    public int getTextsTab() {
        return textsTab;
    }

    public void setTextsTab(int textsTab) {
        this.textsTab = textsTab;
    }
}
