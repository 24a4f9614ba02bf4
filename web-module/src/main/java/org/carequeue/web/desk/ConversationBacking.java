package org.carequeue.web.desk;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import org.carequeue.api.audience.AudienceDetailResponse;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.audience.Audiences;
import org.carequeue.audience.Participant;
import org.carequeue.audience.Participants;
import org.carequeue.message.AttachmentLimit;
import org.carequeue.message.Conversations;
import org.carequeue.message.Upload;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.web.chat.IceServers;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.rest.attachment.Uploads;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

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

    @Inject
    AttachmentLimit attachmentLimit;

    @Inject
    Participants participants;

    @Inject
    IceServers iceServers;

    private static final Map<String, String> METADATA_LABELS = Map.of("browser", "Browser", "screen", "Screen",
            "landingPage", "Landing page", "referrer", "Referrer", "page", "Page", "ip", "IP address");

    private String id;
    private String text;
    private String clientMessageId;
    private transient AudienceDetailResponse card;
    private transient List<MessageResponse> messages;
    /** The agent's side of the live conversation, for its video call buttons; empty once it ended. */
    private transient Optional<Participant> call;
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
        call = null;
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

    /**
     * A file picked with the attach button, sent at once. Each pick is a new message (a page cannot
     * repeat an upload), so its id is made here.
     */
    public void attach(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            Upload upload = new Upload(file.getFileName(), Uploads.readAtMost(content, attachmentLimit.maxBytes()));
            conversations.postAttachmentAsAgent(id, "desk-file-" + UUID.randomUUID(), upload);
            messages = null;
            Feedback.done();
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        } catch (IOException unreadable) {
            Feedback.refused(new InvalidInput("file", "The file could not be read; try again"), null);
        }
    }

    /** "End conversation": it stays in the sidebar. */
    public void end() {
        try {
            audiences.endByAgent(id);
            card = null;
            messages = null;
            call = null;
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

    private Optional<Participant> call() {
        if (call == null) {
            call = participants.currentAgent(id);
        }
        return call;
    }

    /** Whether the queue lets the agent start a video call (they can take the customer's anyway). */
    public boolean isMayStartCall() {
        return call().map(Participant::mayStartCall).orElse(false);
    }

    public boolean isMayShareScreen() {
        return call().map(Participant::mayShareScreen).orElse(false);
    }

    /** The STUN/TURN servers for the page's calls, as the browser's RTCIceServer[] JSON. */
    public String getIceServers() {
        return iceServers.json();
    }

    public List<MessageResponse> getMessages() {
        if (messages == null) {
            messages = conversations.sinceAsAgent(id, 0);
        }
        return messages;
    }

    public long getMaxAttachmentBytes() {
        return attachmentLimit.maxBytes();
    }

    public String getMaxAttachmentSize() {
        return attachmentLimit.readable();
    }

    /** Where the desk opens a file of this conversation (the API's address needs a bearer token). */
    public String fileUrl(AttachmentResponse attachment) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/desk/attachments/" + id + "/" + attachment.id();
    }

    public String thumbnailUrl(AttachmentResponse attachment) {
        return fileUrl(attachment) + "/thumbnail";
    }

    /** A file's size as people read it: 812 bytes, 14.2 KB, 3.5 MB. */
    public String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kilobytes = bytes / 1024.0;
        return kilobytes < 1024 ? String.format(Locale.ROOT, "%.1f KB", kilobytes)
                : String.format(Locale.ROOT, "%.1f MB", kilobytes / 1024);
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
