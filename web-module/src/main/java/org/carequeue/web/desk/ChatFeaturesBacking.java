package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.cannedmessage.CannedMessages;
import org.carequeue.note.Notes;
import org.carequeue.platform.BusinessException;
import org.carequeue.tag.Tags;
import org.carequeue.web.faces.Feedback;

/**
 * The conversation's chat-features panel: canned messages to insert (the page expands
 * {@code /keyword} from the same list), the audience's tags and its notes. Tags and notes stay
 * editable after the conversation ended, while it is in the agent's sidebar.
 */
@Named("chatFeatures")
@ViewScoped
public class ChatFeaturesBacking implements Serializable {

    @Inject
    ConversationBacking conversation;

    @Inject
    CannedMessages cannedMessages;

    @Inject
    Tags tags;

    @Inject
    Notes notes;

    private String tagToAdd;
    private Map<String, String> noteValues;
    private transient List<CannedMessageResponse> canned;
    private transient List<TagResponse> organizationTags;
    private transient List<TagResponse> audienceTags;
    private transient List<NoteResponse> noteFields;

    public void addTag() {
        if (tagToAdd == null || tagToAdd.isEmpty()) {
            return;
        }
        try {
            audienceTags = tags.tagAudience(conversation.getId(), tagToAdd);
            tagToAdd = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void removeTag(String tagId) {
        try {
            audienceTags = tags.untagAudience(conversation.getId(), tagId);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** The explicit "Save notes": every field of the form is sent, blank ones clear. */
    public void saveNotes() {
        try {
            AudienceNotesResponse saved = notes.save(conversation.getId(), new HashMap<>(getNoteValues()));
            show(saved);
            Feedback.info("Notes saved");
        } catch (BusinessException refused) {
            Feedback.refused(refused, "features");
        }
    }

    public List<CannedMessageResponse> getCanned() {
        if (canned == null) {
            canned = cannedMessages.available();
        }
        return canned;
    }

    public List<TagResponse> getAudienceTags() {
        if (audienceTags == null) {
            audienceTags = tags.ofAudience(conversation.getId());
        }
        return audienceTags;
    }

    /** The tags the audience does not carry yet, for the "add a tag" list. */
    public List<TagResponse> getAddableTags() {
        if (organizationTags == null) {
            organizationTags = tags.tree();
        }
        List<String> carried = getAudienceTags().stream().map(TagResponse::id).toList();
        return organizationTags.stream().filter(t -> !carried.contains(t.id())).toList();
    }

    public List<NoteResponse> getNoteFields() {
        if (noteFields == null) {
            show(notes.ofAudience(conversation.getId()));
        }
        return noteFields;
    }

    public Map<String, String> getNoteValues() {
        if (noteValues == null) {
            getNoteFields();
        }
        return noteValues;
    }

    private void show(AudienceNotesResponse saved) {
        noteFields = saved.notes();
        noteValues = new HashMap<>();
        saved.notes().forEach(n -> noteValues.put(n.fieldId(), n.value()));
    }

    public String getTagToAdd() {
        return tagToAdd;
    }

    public void setTagToAdd(String tagToAdd) {
        this.tagToAdd = tagToAdd;
    }
}
