package org.carequeue.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.Sender;
import org.carequeue.platform.Clock;

/** A stored message, a text or an attachment; never changed after it is written. */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    /**
     * A node takes ids 1,000 at a time (V21 sets the sequence's increment to match). When a block
     * runs out, every thread storing a message waits on EclipseLink's one sequencing lock while a
     * new block is fetched; with blocks of 50 that was 20 times a second under load, and at 64
     * messages in flight the waits cost more than the messages (docs/benchmarks.md, 2026-12-04, night).
     * Nothing orders messages by id: their order is {@code seq} within the audience.
     */
    @Id
    @SequenceGenerator(name = "chat_message", sequenceName = "chat_message_seq", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message")
    private Long id;
    @Column(name = "audience_id")
    private String audienceId;
    private long seq;
    @Column(name = "client_message_id")
    private String clientMessageId;
    @Enumerated(EnumType.STRING)
    @Column(name = "sender_role")
    private SenderRole senderRole;
    @Column(name = "sender_name")
    private String senderName;
    private String text;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;
    /** The file this message carries instead of a text. */
    @OneToOne
    @JoinColumn(name = "attachment_id")
    private Attachment attachment;

    protected ChatMessage() {
    }

    ChatMessage(String audienceId, long seq, String clientMessageId, SenderRole senderRole, String senderName,
                String text, Attachment attachment) {
        this.audienceId = audienceId;
        this.seq = seq;
        this.clientMessageId = clientMessageId;
        this.senderRole = senderRole;
        this.senderName = senderName;
        this.text = text;
        this.attachment = attachment;
        this.sentAt = Clock.now();
    }

    long seq() {
        return seq;
    }

    /** What a retry with the same {@code clientMessageId} is recognised by (a unique key of the table). */
    RetryKey retryKey() {
        return new RetryKey(audienceId, senderRole, clientMessageId);
    }

    record RetryKey(String audienceId, SenderRole senderRole, String clientMessageId) {
    }

    MessageResponse toResponse() {
        return new MessageResponse(seq, audienceId, new Sender(senderRole.wire(), senderName), text, clientMessageId,
                Clock.iso(sentAt), attachment == null ? null : attachment.toResponse());
    }
}
