package org.carequeue.web.desk;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.cannedmessage.CannedMessages;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/**
 * The table and dialog of a canned-messages page (WEB-INF/includes/canned-messages.xhtml): the
 * agent's own (desk) and the organization's (admin) differ only in scope and list.
 */
public abstract class CannedMessagesEditor implements Serializable {

    @Inject
    protected CannedMessages cannedMessages;

    private String editedId;
    private String keyword;
    private String message;
    private transient List<CannedMessageResponse> all;

    /** {@code personal} or {@code organization}. */
    protected abstract String scope();

    protected abstract List<CannedMessageResponse> read();

    public void startCreate() {
        editedId = null;
        keyword = null;
        message = null;
    }

    public void startEdit(CannedMessageResponse canned) {
        editedId = canned.id();
        keyword = canned.keyword();
        message = canned.message();
    }

    public void save() {
        try {
            CannedMessageResponse saved = editedId == null ? cannedMessages.create(scope(), keyword, message)
                    : cannedMessages.change(editedId, keyword, message);
            Feedback.info("/" + saved.keyword() + " was saved.");
            Feedback.done();
            all = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, "cannedForm");
        }
    }

    public void delete(CannedMessageResponse canned) {
        try {
            cannedMessages.delete(canned.id());
            Feedback.info("/" + canned.keyword() + " was deleted.");
            all = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public List<CannedMessageResponse> getAll() {
        if (all == null) {
            all = read();
        }
        return all;
    }

    public boolean isCreating() {
        return editedId == null;
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
