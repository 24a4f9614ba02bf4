package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.audience.Audiences;
import org.carequeue.message.Conversations;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/**
 * The conversation view: about the customer, the messages and the text field. The page stamps
 * each message with a {@code clientMessageId} that it keeps until the message is stored, so a send
 * repeated by a double click or after a lost response stores the message once.
 */
@Named
@ViewScoped
public class ConversationBacking implements Serializable {

    @Inject
    Audiences audiences;

    @Inject
    Conversations conversations;

    private static final Map<String, String> METADATA_LABELS = Map.of("browser", "Browser", "screen", "Screen",
            "landingPage", "Landing page", "referrer", "Referrer", "page", "Page", "ip", "IP address");

    private String id;
    private String text;
    private String clientMessageId;
    private transient AudienceDetailResponse card;
    private transient List<MessageResponse> messages;

    /** Reads the audience; one the agent may not see sends them back to the desk. */
    public void load() {
        try {
            card = audiences.customerCard(id);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
            Feedback.redirect("/desk/");
        }
    }

    /** After a push: everything is read again on the next render. */
    public void refresh() {
        card = null;
        messages = null;
    }

    public void send() {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            conversations.postAsAgent(id, clientMessageId, text.strip());
            text = null;
            messages = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** "End conversation": it stays in the sidebar. */
    public void end() {
        try {
            audiences.endByAgent(id);
            refresh();
            Feedback.info("The conversation has ended.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** "End and hide conversation": ends it and takes it out of the sidebar. */
    public void endAndHide() {
        try {
            AudienceResponse ended = audiences.endAndHide(id);
            Feedback.info("The conversation with " + ended.customerName() + " has ended.");
            Feedback.redirect("/desk/");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    /** The usual metadata keys in words ("Page: ..."); any other key as the customer's page named it. */
    public String metadataLabel(String key) {
        return METADATA_LABELS.getOrDefault(key, key);
    }

    public AudienceDetailResponse getCard() {
        if (card == null) {
            card = audiences.customerCard(id);
        }
        return card;
    }

    public AudienceResponse getAudience() {
        return getCard().audience();
    }

    public boolean isLive() {
        return "ACCEPTED".equals(getAudience().state());
    }

    public List<MessageResponse> getMessages() {
        if (messages == null) {
            messages = conversations.sinceAsAgent(id, 0);
        }
        return messages;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getClientMessageId() {
        return clientMessageId;
    }

    public void setClientMessageId(String clientMessageId) {
        this.clientMessageId = clientMessageId;
    }
}
