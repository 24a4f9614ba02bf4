package org.carequeue.site;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.lang.reflect.Type;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carequeue.api.site.FieldOption;
import org.carequeue.api.site.QuestionnaireField;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.platform.Clock;
import org.carequeue.platform.InvalidInput;

/**
 * One embedding of the chat widget. The key is public (pages carry it in the embed snippet), so it
 * is random rather than a name. Texts and questionnaires are read and replaced whole, so they are
 * stored as JSON; the offered queues and the allowed origins are rows, because other use cases
 * look them up (is this queue on the site, which sites allow this origin).
 */
@Entity
public class Site {

    static final int MAX_FIELDS = 50;
    static final int MAX_OPTIONS = 50;
    static final int MAX_ORIGINS = 50;
    static final int MAX_LABEL_LENGTH = 500;
    /** An answer's value: the limit of a questionnaire answer (CustomerFacts). */
    static final int MAX_VALUE_LENGTH = 1_000;
    static final int MAX_FIELD_NAME_LENGTH = 100;
    /** The columns' sizes (V17). */
    private static final int MAX_TEXTS_JSON = 40_000;
    private static final int MAX_QUESTIONNAIRE_JSON = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type TEXTS = new LinkedHashMap<String, SiteTexts>() { }.getClass().getGenericSuperclass();
    private static final Type FIELDS = new ArrayList<QuestionnaireField>() { }.getClass().getGenericSuperclass();

    @Id
    @Column(name = "site_key")
    private String siteKey;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    @Column(name = "default_language")
    private String defaultLanguage;
    private String texts;
    @Column(name = "pre_questionnaire")
    private String preQuestionnaire;
    @Column(name = "post_questionnaire")
    private String postQuestionnaire;
    @Column(name = "auto_queue_id")
    private String autoQueueId;
    private boolean rating;
    private boolean attachments;
    private boolean video;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "site_queue", joinColumns = @JoinColumn(name = "site_key"))
    @OrderColumn(name = "position")
    @Column(name = "queue_id")
    private List<String> queueIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "site_origin", joinColumns = @JoinColumn(name = "site_key"))
    @Column(name = "origin")
    private Set<String> allowedOrigins = new HashSet<>();

    protected Site() {
    }

    /** A new site with a random key: 128 bits, 22 URL-safe characters. */
    Site(String organizationId) {
        this(organizationId, newKey());
    }

    /** A site with a chosen key: the demo organization's {@code demo}. */
    Site(String organizationId, String siteKey) {
        this.siteKey = siteKey;
        this.organizationId = organizationId;
        this.createdAt = Clock.now();
    }

    /**
     * A site set up by server code (the demo organization's), checked as operators' sites are.
     *
     * @param liveQueueIds the live queues of the organization
     */
    public static Site seeded(String organizationId, String siteKey, SiteConfiguration configuration,
                              Set<String> liveQueueIds) {
        Site site = new Site(organizationId, siteKey);
        site.offer(site.configure(configuration, liveQueueIds, Set.of()));
        return site;
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Replaces the whole configuration, checked field by field in the order the admin shows them;
     * the first refusal names its field ({@code preQuestionnaire[1].options[0].value}, say) and
     * changes nothing.
     *
     * @param liveQueueIds the live queues of the site's organization
     * @param deletedQueueIds its deleted queues: a configuration read before one was deleted still
     *        saves, without it
     * @return the offered queues, checked, for the caller to {@link #offer} (see {@link Sites})
     */
    List<String> configure(SiteConfiguration c, Set<String> liveQueueIds, Set<String> deletedQueueIds) {
        String newName = InvalidInput.requireText("name", c.name(), SiteConfiguration.MAX_NAME_LENGTH).strip();
        String language = requireLanguage("defaultLanguage", c.defaultLanguage());
        Map<String, SiteTexts> newTexts = texts(c.texts());
        List<QuestionnaireField> pre = questionnaire("preQuestionnaire", c.preQuestionnaire(), language);
        List<QuestionnaireField> post = questionnaire("postQuestionnaire", c.postQuestionnaire(), language);
        List<String> queues = queues(c.queueIds(), liveQueueIds, deletedQueueIds);
        String autoQueue = c.autoQueueId() == null || c.autoQueueId().isBlank()
                || deletedQueueIds.contains(c.autoQueueId()) ? null : c.autoQueueId();
        if (autoQueue != null && !queues.contains(autoQueue)) {
            throw new InvalidInput("autoQueueId", "The automatic queue must be one of the site's queues");
        }
        Set<String> origins = origins(c.allowedOrigins());
        // Escaping can make the stored JSON longer than the checked texts: refuse what its column
        // cannot hold as the field's fault, not as a failed insert.
        String textsJson = fits("texts", JSON.toJson(newTexts, TEXTS), MAX_TEXTS_JSON);
        String preJson = fits("preQuestionnaire", JSON.toJson(pre, FIELDS), MAX_QUESTIONNAIRE_JSON);
        String postJson = fits("postQuestionnaire", JSON.toJson(post, FIELDS), MAX_QUESTIONNAIRE_JSON);

        this.name = newName;
        this.defaultLanguage = language;
        this.texts = textsJson;
        this.preQuestionnaire = preJson;
        this.postQuestionnaire = postJson;
        this.autoQueueId = autoQueue;
        this.rating = c.rating();
        this.attachments = c.attachments();
        this.video = c.video();
        this.allowedOrigins.retainAll(origins);
        this.allowedOrigins.addAll(origins);
        return queues;
    }

    /** Forgets the offered queues; their rows must be gone before {@link #offer} writes others. */
    void withdrawQueues() {
        queueIds.clear();
    }

    /** Offers these queues, in this order (checked by {@link #configure}). */
    void offer(List<String> queues) {
        queueIds.addAll(queues);
    }

    static String requireLanguage(String field, String language) {
        if (language == null || !SiteConfiguration.LANGUAGES.contains(language)) {
            throw new InvalidInput(field, "The language is one of " + String.join(", ", SiteConfiguration.LANGUAGES));
        }
        return language;
    }

    private static Map<String, SiteTexts> texts(Map<String, SiteTexts> given) {
        Map<String, SiteTexts> checked = new LinkedHashMap<>();
        for (String language : SiteConfiguration.LANGUAGES) {
            SiteTexts t = given == null ? null : given.get(language);
            if (t != null) {
                String at = "texts." + language + ".";
                checked.put(language, new SiteTexts(text(at + "welcome", t.welcome()), text(at + "motd", t.motd()),
                        text(at + "closed", t.closed()), text(at + "queueing", t.queueing())));
            }
        }
        if (given != null) {
            given.keySet().stream().filter(language -> !SiteConfiguration.LANGUAGES.contains(language)).findFirst()
                    .ifPresent(language -> {
                        throw new InvalidInput("texts", "Texts are in " + String.join(", ", SiteConfiguration.LANGUAGES)
                                + ", not " + language);
                    });
        }
        return checked;
    }

    /** A text of the widget; blank is none. */
    private static String text(String field, String value) {
        String text = InvalidInput.optionalText(field, value, SiteTexts.MAX_LENGTH);
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<QuestionnaireField> questionnaire(String field, List<QuestionnaireField> fields,
                                                          String defaultLanguage) {
        if (fields == null) {
            return List.of();
        }
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInput(field, "A questionnaire has at most " + MAX_FIELDS + " fields");
        }
        List<QuestionnaireField> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String at = field + "[" + i + "]";
            QuestionnaireField f = fields.get(i);
            if (f == null) {
                throw new InvalidInput(at, "A questionnaire field is required");
            }
            String fieldName = InvalidInput.requireText(at + ".name", f.name(), MAX_FIELD_NAME_LENGTH).strip();
            if (!fieldName.matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidInput(at + ".name", "A field's name (the answer's key) holds letters a-z, digits, _ . and - only");
            }
            if (!names.add(fieldName)) {
                throw new InvalidInput(at + ".name", "Two fields are named " + fieldName);
            }
            Map<String, String> label = labels(at + ".label", f.label(), defaultLanguage);
            String type = f.type() == null ? "" : f.type();
            boolean choices = switch (type) {
                case QuestionnaireField.TEXT, QuestionnaireField.TEXTAREA -> false;
                case QuestionnaireField.SELECT, QuestionnaireField.RADIO, QuestionnaireField.CHECKBOX -> true;
                default -> throw new InvalidInput(at + ".type", "The type is TEXT, TEXTAREA, SELECT, RADIO or CHECKBOX");
            };
            List<FieldOption> options = f.options() == null ? List.of() : f.options();
            if (!choices && !options.isEmpty()) {
                throw new InvalidInput(at + ".options", "A " + type + " field has no options");
            }
            if (options.isEmpty() && (QuestionnaireField.SELECT.equals(type) || QuestionnaireField.RADIO.equals(type))) {
                throw new InvalidInput(at + ".options", "A " + type + " field needs at least one option");
            }
            checked.add(new QuestionnaireField(fieldName, label, type, f.required(),
                    options(at + ".options", options, defaultLanguage)));
        }
        return checked;
    }

    private static List<FieldOption> options(String field, List<FieldOption> options, String defaultLanguage) {
        if (options.size() > MAX_OPTIONS) {
            throw new InvalidInput(field, "A field has at most " + MAX_OPTIONS + " options");
        }
        List<FieldOption> checked = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String at = field + "[" + i + "]";
            FieldOption o = options.get(i);
            if (o == null) {
                throw new InvalidInput(at, "An option is required");
            }
            String value = InvalidInput.requireText(at + ".value", o.value(), MAX_VALUE_LENGTH).strip();
            if (!values.add(value)) {
                throw new InvalidInput(at + ".value", "Two options have the value " + value);
            }
            checked.add(new FieldOption(value, labels(at + ".label", o.label(), defaultLanguage)));
        }
        return checked;
    }

    /** Labels per language; the default language's is required, since every other falls back to it. */
    private static Map<String, String> labels(String field, Map<String, String> given, String defaultLanguage) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (String language : SiteConfiguration.LANGUAGES) {
            String label = given == null ? null : text(field + "." + language, given.get(language));
            if (label != null) {
                checked.put(language, label);
            }
        }
        if (!checked.containsKey(defaultLanguage)) {
            throw new InvalidInput(field + "." + defaultLanguage, "A label in the default language is required");
        }
        if (given != null) {
            given.keySet().stream().filter(language -> !SiteConfiguration.LANGUAGES.contains(language)).findFirst()
                    .ifPresent(language -> {
                        throw new InvalidInput(field, "Labels are in " + String.join(", ", SiteConfiguration.LANGUAGES)
                                + ", not " + language);
                    });
        }
        for (String value : checked.values()) {
            if (value.length() > MAX_LABEL_LENGTH) {
                throw new InvalidInput(field, "A label is at most " + MAX_LABEL_LENGTH + " characters");
            }
        }
        return checked;
    }

    private static List<String> queues(List<String> given, Set<String> liveQueueIds, Set<String> deletedQueueIds) {
        List<String> checked = new ArrayList<>();
        for (String queueId : given == null ? List.<String>of() : given) {
            if (deletedQueueIds.contains(queueId)) {
                continue;
            }
            if (queueId == null || !liveQueueIds.contains(queueId)) {
                throw new InvalidInput("queueIds", "No such queue in your organization: " + queueId);
            }
            if (checked.contains(queueId)) {
                throw new InvalidInput("queueIds", "A queue is on the list twice: " + queueId);
            }
            checked.add(queueId);
        }
        return checked;
    }

    private static Set<String> origins(List<String> given) {
        List<String> list = given == null ? List.of() : given;
        if (list.size() > MAX_ORIGINS) {
            throw new InvalidInput("allowedOrigins", "A site allows at most " + MAX_ORIGINS + " origins");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            checked.add(Origins.canonical("allowedOrigins[" + i + "]", list.get(i)));
        }
        return checked;
    }

    String siteKey() {
        return siteKey;
    }

    String organizationId() {
        return organizationId;
    }

    String name() {
        return name;
    }

    String defaultLanguage() {
        return defaultLanguage;
    }

    Map<String, SiteTexts> texts() {
        return JSON.fromJson(texts, TEXTS);
    }

    List<QuestionnaireField> preQuestionnaire() {
        return JSON.fromJson(preQuestionnaire, FIELDS);
    }

    List<QuestionnaireField> postQuestionnaire() {
        return JSON.fromJson(postQuestionnaire, FIELDS);
    }

    List<String> queueIds() {
        return List.copyOf(queueIds);
    }

    String autoQueueId() {
        return autoQueueId;
    }

    boolean rating() {
        return rating;
    }

    boolean attachments() {
        return attachments;
    }

    boolean video() {
        return video;
    }

    Set<String> allowedOrigins() {
        return Set.copyOf(allowedOrigins);
    }

    /** The configuration as operators read it; origins sorted, queues in the site's order. */
    SiteConfiguration configuration() {
        return new SiteConfiguration(siteKey, organizationId, name, defaultLanguage, texts(), preQuestionnaire(),
                postQuestionnaire(), queueIds(), autoQueueId, rating, attachments, video,
                allowedOrigins.stream().sorted().toList());
    }

    private static String fits(String field, String json, int max) {
        if (json.length() > max) {
            throw new InvalidInput(field, field + " is too long to store (" + json.length()
                    + " characters as JSON, at most " + max + "); shorten them");
        }
        return json;
    }
}
