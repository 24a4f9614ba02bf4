package org.carequeue.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/**
 * "When the pre-questionnaire answer {@code field} equals {@code value}, add the tag": simple
 * equality, ignoring the value's case (and surrounding spaces); field names match exactly, as the
 * questionnaire sends them. For one queue, or every queue of the organization.
 */
@Entity
@Table(name = "tag_rule")
public class TagRule {

    public static final int MAX_FIELD_LENGTH = 100;
    public static final int MAX_VALUE_LENGTH = 1_000;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "queue_id")
    private String queueId;
    @Column(name = "answer_field")
    private String answerField;
    @Column(name = "answer_value")
    private String answerValue;
    @Column(name = "value_key")
    private String valueKey;
    @Column(name = "tag_id")
    private String tagId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected TagRule() {
    }

    TagRule(String organizationId, String queueId, String field, String value, String tagId) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.queueId = queueId;
        this.answerField = InvalidInput.requireText("field", field == null ? null : field.strip(), MAX_FIELD_LENGTH);
        this.answerValue = InvalidInput.requireText("value", value == null ? null : value.strip(), MAX_VALUE_LENGTH);
        this.valueKey = key(this.answerValue);
        this.tagId = tagId;
        this.createdAt = Clock.now();
    }

    static String key(String answer) {
        return answer.strip().toLowerCase(Locale.ROOT);
    }

    boolean matches(Map<String, String> answers) {
        String answer = answers.get(answerField);
        return answer != null && key(answer).equals(valueKey);
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String tagId() {
        return tagId;
    }

    TagRuleResponse view() {
        return new TagRuleResponse(id, queueId, answerField, answerValue, tagId);
    }
}
