package org.carequeue.web.admin.tags;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.queue.Queues;
import org.carequeue.tag.Tags;
import org.carequeue.web.faces.Feedback;

/** The organization's tag tree and its automatic tag rules (operators). */
@Named
@ViewScoped
public class TagsBacking implements Serializable {

    @Inject
    Tags tags;

    @Inject
    Queues queues;

    private String editedId;
    private String parentId;
    private String name;
    private String colour;

    private String ruleQueueId;
    private String ruleField;
    private String ruleValue;
    private String ruleTagId;

    private transient List<TagResponse> tree;
    private transient List<TagRuleResponse> rules;
    private transient Map<String, String> queueNames;

    public void startCategory() {
        start(null, null, null, "#2563eb");
    }

    public void startSubcategory(TagResponse category) {
        start(null, category.id(), null, category.colour());
    }

    public void startEdit(TagResponse tag) {
        start(tag.id(), tag.parentId(), tag.name(), tag.colour());
    }

    private void start(String id, String parent, String tagName, String tagColour) {
        editedId = id;
        parentId = parent;
        name = tagName;
        colour = tagColour;
    }

    public void save() {
        try {
            TagResponse saved = editedId == null ? tags.create(name, colour, parentId)
                    : tags.change(editedId, name, colour);
            Feedback.info(saved.path() + " was saved.");
            Feedback.done();
            tree = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, "tagForm");
        }
    }

    public void delete(TagResponse tag) {
        try {
            tags.delete(tag.id());
            Feedback.info(tag.path() + " was deleted.");
            tree = null;
            rules = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void addRule() {
        try {
            tags.addRule(ruleQueueId, ruleField, ruleValue, ruleTagId);
            Feedback.info("The rule was added; it tags new requests from now on.");
            ruleField = null;
            ruleValue = null;
            rules = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, "ruleForm");
        }
    }

    public void deleteRule(TagRuleResponse rule) {
        try {
            tags.deleteRule(rule.id());
            Feedback.info("The rule was deleted.");
            rules = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public List<TagResponse> getTree() {
        if (tree == null) {
            tree = tags.tree();
        }
        return tree;
    }

    public List<TagResponse> getCategories() {
        return getTree().stream().filter(t -> t.parentId() == null).toList();
    }

    public List<TagResponse> subcategories(TagResponse category) {
        return getTree().stream().filter(t -> category.id().equals(t.parentId())).toList();
    }

    public TagResponse ruleTag(TagRuleResponse rule) {
        return tag(rule.tagId()).orElse(null);
    }

    private Optional<TagResponse> tag(String tagId) {
        return getTree().stream().filter(t -> t.id().equals(tagId)).findFirst();
    }

    public List<TagRuleResponse> getRules() {
        if (rules == null) {
            rules = tags.rules();
        }
        return rules;
    }

    /** Queue id to name, by name, for the rules' queue list. */
    public Map<String, String> getQueueNames() {
        if (queueNames == null) {
            queueNames = queues.organizationQueues().stream().map(QueueMembersResponse::queue)
                    .collect(Collectors.toMap(q -> q.id(), q -> q.name(), (a, b) -> a, LinkedHashMap::new));
        }
        return queueNames;
    }

    public String queueName(String queueId) {
        return queueId == null ? "All queues" : getQueueNames().getOrDefault(queueId, "(deleted queue)");
    }

    public boolean isCreating() {
        return editedId == null;
    }

    public boolean isSubcategory() {
        return parentId != null;
    }

    public String getParentName() {
        return parentId == null ? null : tag(parentId).map(TagResponse::name).orElse(null);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    public String getRuleQueueId() {
        return ruleQueueId;
    }

    public void setRuleQueueId(String ruleQueueId) {
        this.ruleQueueId = ruleQueueId;
    }

    public String getRuleField() {
        return ruleField;
    }

    public void setRuleField(String ruleField) {
        this.ruleField = ruleField;
    }

    public String getRuleValue() {
        return ruleValue;
    }

    public void setRuleValue(String ruleValue) {
        this.ruleValue = ruleValue;
    }

    public String getRuleTagId() {
        return ruleTagId;
    }

    public void setRuleTagId(String ruleTagId) {
        this.ruleTagId = ruleTagId;
    }
}
