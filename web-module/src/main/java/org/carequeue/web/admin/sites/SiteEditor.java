package org.carequeue.web.admin.sites;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carequeue.api.site.FieldOption;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteTexts;
import org.primefaces.model.DualListModel;

/**
 * The site being edited on the sites page, as the form's inputs hold it: texts per language, the
 * questionnaires as rows (added, removed and moved here, on the page's side), the offered queues as
 * a pick list, the allowed origins one per line. {@link #configuration} turns it into what the
 * boundary checks; nothing is checked here.
 */
public class SiteEditor implements Serializable {

    private final String siteKey;
    private String name;
    private String defaultLanguage;
    private final List<Texts> texts = new ArrayList<>();
    private final List<Field> pre = new ArrayList<>();
    private final List<Field> post = new ArrayList<>();
    private DualListModel<String> queues;
    private String autoQueueId;
    private boolean rating;
    private boolean attachments;
    private boolean video;
    private String origins;

    private SiteEditor(String siteKey) {
        this.siteKey = siteKey;
    }

    /** A new site: Finnish by default, rating and attachments on, no queues yet. */
    static SiteEditor blank(List<String> organizationQueueIds) {
        SiteEditor editor = new SiteEditor(null);
        editor.defaultLanguage = "fi";
        editor.rating = true;
        editor.attachments = true;
        SiteConfiguration.LANGUAGES.forEach(language -> editor.texts.add(new Texts(language, null)));
        editor.queues = new DualListModel<>(new ArrayList<>(organizationQueueIds), new ArrayList<>());
        editor.origins = "";
        return editor;
    }

    static SiteEditor of(SiteConfiguration site, List<String> organizationQueueIds) {
        SiteEditor editor = new SiteEditor(site.siteKey());
        editor.name = site.name();
        editor.defaultLanguage = site.defaultLanguage();
        SiteConfiguration.LANGUAGES.forEach(language -> editor.texts.add(new Texts(language, site.texts().get(language))));
        site.preQuestionnaire().forEach(f -> editor.pre.add(Field.of(f)));
        site.postQuestionnaire().forEach(f -> editor.post.add(Field.of(f)));
        List<String> source = new ArrayList<>(organizationQueueIds);
        source.removeAll(site.queueIds());
        editor.queues = new DualListModel<>(source, new ArrayList<>(site.queueIds()));
        editor.autoQueueId = site.autoQueueId();
        editor.rating = site.rating();
        editor.attachments = site.attachments();
        editor.video = site.video();
        editor.origins = String.join("\n", site.allowedOrigins());
        return editor;
    }

    SiteConfiguration configuration() {
        Map<String, SiteTexts> byLanguage = new LinkedHashMap<>();
        texts.forEach(t -> byLanguage.put(t.language, new SiteTexts(t.welcome, t.motd, t.closed, t.queueing)));
        return new SiteConfiguration(siteKey, null, name, defaultLanguage, byLanguage,
                pre.stream().map(Field::field).toList(), post.stream().map(Field::field).toList(),
                List.copyOf(queues.getTarget()), autoQueueId, rating, attachments, video, originLines().stream()
                .map(line -> line.text).toList());
    }

    /** The non-blank lines of the origins box with their line numbers, in the order the boundary sees them. */
    List<Line> originLines() {
        List<Line> lines = new ArrayList<>();
        String[] all = (origins == null ? "" : origins).split("\\R");
        for (int i = 0; i < all.length; i++) {
            if (!all[i].isBlank()) {
                lines.add(new Line(i + 1, all[i].strip()));
            }
        }
        return lines;
    }

    record Line(int number, String text) implements Serializable {
    }

    public void addPre() {
        pre.add(Field.blank());
    }

    public void addPost() {
        post.add(Field.blank());
    }

    /** Removes a field from whichever questionnaire holds it. */
    public void remove(Field field) {
        pre.remove(field);
        post.remove(field);
    }

    /** Moves a field one place up (-1) or down (1) in its questionnaire. */
    public void move(Field field, int by) {
        List<Field> rows = pre.contains(field) ? pre : post;
        int from = rows.indexOf(field);
        int to = from + by;
        if (from >= 0 && to >= 0 && to < rows.size()) {
            rows.remove(from);
            rows.add(to, field);
        }
    }

    public String getSiteKey() {
        return siteKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public List<Texts> getTexts() {
        return texts;
    }

    public List<Field> getPre() {
        return pre;
    }

    public List<Field> getPost() {
        return post;
    }

    public DualListModel<String> getQueues() {
        return queues;
    }

    public void setQueues(DualListModel<String> queues) {
        this.queues = queues;
    }

    public String getAutoQueueId() {
        return autoQueueId;
    }

    public void setAutoQueueId(String autoQueueId) {
        this.autoQueueId = autoQueueId;
    }

    public boolean isRating() {
        return rating;
    }

    public void setRating(boolean rating) {
        this.rating = rating;
    }

    public boolean isAttachments() {
        return attachments;
    }

    public void setAttachments(boolean attachments) {
        this.attachments = attachments;
    }

    public boolean isVideo() {
        return video;
    }

    public void setVideo(boolean video) {
        this.video = video;
    }

    public String getOrigins() {
        return origins;
    }

    public void setOrigins(String origins) {
        this.origins = origins;
    }

    /** The widget's texts in one language. */
    public static class Texts implements Serializable {
        private final String language;
        private String welcome;
        private String motd;
        private String closed;
        private String queueing;

        Texts(String language, SiteTexts texts) {
            this.language = language;
            if (texts != null) {
                welcome = texts.welcome();
                motd = texts.motd();
                closed = texts.closed();
                queueing = texts.queueing();
            }
        }

        public String getLanguage() {
            return language;
        }

        public String getWelcome() {
            return welcome;
        }

        public void setWelcome(String welcome) {
            this.welcome = welcome;
        }

        public String getMotd() {
            return motd;
        }

        public void setMotd(String motd) {
            this.motd = motd;
        }

        public String getClosed() {
            return closed;
        }

        public void setClosed(String closed) {
            this.closed = closed;
        }

        public String getQueueing() {
            return queueing;
        }

        public void setQueueing(String queueing) {
            this.queueing = queueing;
        }
    }

    /** A questionnaire field: its answer's key, labels per language, type, whether required, options. */
    public static class Field implements Serializable {
        private String name;
        private final Map<String, String> label = new LinkedHashMap<>();
        private String type = QuestionnaireField.TEXT;
        private boolean required;
        private final List<Option> options = new ArrayList<>();

        static Field blank() {
            return new Field();
        }

        static Field of(QuestionnaireField f) {
            Field field = new Field();
            field.name = f.name();
            field.label.putAll(f.label());
            field.type = f.type();
            field.required = f.required();
            f.options().forEach(o -> field.options.add(Option.of(o)));
            return field;
        }

        QuestionnaireField field() {
            return new QuestionnaireField(name, labels(label), type, required,
                    choices() ? options.stream().map(Option::option).toList() : List.of());
        }

        /** Whether the type offers options (the page shows their rows only then). */
        public boolean choices() {
            return !QuestionnaireField.TEXT.equals(type) && !QuestionnaireField.TEXTAREA.equals(type);
        }

        public void addOption() {
            options.add(new Option());
        }

        public void removeOption(Option option) {
            options.remove(option);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Map<String, String> getLabel() {
            return label;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public List<Option> getOptions() {
            return options;
        }
    }

    /** A choice of a field: the answer's value and labels per language. */
    public static class Option implements Serializable {
        private String value;
        private final Map<String, String> label = new LinkedHashMap<>();

        static Option of(FieldOption o) {
            Option option = new Option();
            option.value = o.value();
            option.label.putAll(o.label());
            return option;
        }

        FieldOption option() {
            return new FieldOption(value, labels(label));
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public Map<String, String> getLabel() {
            return label;
        }
    }

    /** Labels as typed; an empty input is no translation. */
    private static Map<String, String> labels(Map<String, String> typed) {
        Map<String, String> labels = new LinkedHashMap<>();
        typed.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                labels.put(language, text);
            }
        });
        return labels;
    }
}
