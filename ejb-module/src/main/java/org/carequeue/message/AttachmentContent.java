package org.carequeue.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an {@link Attachment}, and of its thumbnail when it is a picture the server could scale. */
@Entity
@Table(name = "attachment_content")
class AttachmentContent {

    @Id
    @Column(name = "attachment_id")
    private String attachmentId;
    private byte[] content;
    private byte[] thumbnail;

    protected AttachmentContent() {
    }

    AttachmentContent(String attachmentId, byte[] content, byte[] thumbnail) {
        this.attachmentId = attachmentId;
        this.content = content;
        this.thumbnail = thumbnail;
    }
}
