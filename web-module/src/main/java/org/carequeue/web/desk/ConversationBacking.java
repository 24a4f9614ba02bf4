package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.queue.PublicQueueResponse;
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

    private String id;
    private String text;
    private String clientMessageId;
    private transient AudienceDetailResponse card;
    private transient List<MessageResponse> messages;
    /** The transfer dialog: the queues offered (records, so not kept if the view is serialized) and the one chosen. */
    private transient List<PublicQueueResponse> transferTargets;
    private String transferQueueId;

    /** Reads the audience; one the agent may not see sends them back to the desk. */
    public void load() {
        try {
            card = audiences.customerCard(id);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
            Feedback.redirect("/desk/");
        }
    }

    /**
     * After a push: everything is read again. A conversation that left this agent meanwhile (their
     * own transfer, whose signal may arrive while its answer redirects, or one from another tab)
     * sends them back to the desk instead of failing the render. It adds no message of its own, so
     * the transfer's message, carried over by the redirect, is the one the desk shows.
     */
    public void refresh() {
        card = null;
        messages = null;
        try {
            card = audiences.customerCard(id);
        } catch (BusinessException gone) {
            Feedback.redirect("/desk/");
        }
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
            card = null;
            messages = null;
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

    /** Opens the transfer dialog with the queues this conversation may go to. */
    public void startTransfer() {
        transferQueueId = null;
        try {
            transferTargets = audiences.transferTargets(id);
        } catch (BusinessException refused) {
            transferTargets = List.of();
            Feedback.refused(refused, null);
        }
    }

    /** "Transfer": the customer waits in the chosen queue; the conversation leaves this desk. */
    public void transfer() {
        try {
            AudienceResponse transferred = audiences.transfer(id, transferQueueId);
            Feedback.info(transferred.customerName() + " was transferred to " + targetName(transferred.queueId()) + ".");
            Feedback.redirect("/desk/");
        } catch (BusinessException refused) {
            Feedback.refused(refused, "transferForm");
        }
    }

    private String targetName(String queueId) {
        return getTransferTargets().stream().filter(q -> q.id().equals(queueId)).map(PublicQueueResponse::name)
                .findFirst().orElse("another queue");
    }

    public List<PublicQueueResponse> getTransferTargets() {
        return transferTargets == null ? List.of() : transferTargets;
    }

    /** A target in the dialog: its name, and why it might not take the customer now. */
    public String targetLabel(PublicQueueResponse queue) {
        return switch (queue.state()) {
            case "OPEN" -> queue.name() + " (" + queue.length() + " waiting)";
            case "CLOSED" -> queue.name() + " (closed)";
            case "FULL" -> queue.name() + " (full)";
            case "SUSPENDED" -> queue.name() + " (suspended)";
            default -> queue.name();
        };
    }

    public String getTransferQueueId() {
        return transferQueueId;
    }

    public void setTransferQueueId(String transferQueueId) {
        this.transferQueueId = transferQueueId;
    }

    /** Tags and notes may change while the conversation runs and after its end, until it is complete. */
    public boolean isWrapUpOpen() {
        String state = getAudience().state();
        return "ACCEPTED".equals(state) || "FINISHED".equals(state);
    }

    /** The customer's rating in words, or null while they have not rated. */
    public String getRatingLabel() {
        Integer rating = getAudience().rating();
        if (rating == null) {
            return null;
        }
        return switch (rating) {
            case RatingRequest.GOOD -> "good";
            case RatingRequest.OKAY -> "okay";
            default -> "poor";
        };
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
