package org.carequeue.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;

/**
 * The facts of a file sent in an audience; its bytes are an {@link AttachmentContent} of their
 * own, so that reading messages never reads files. Never changed after it is written.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    private String id;
    @Column(name = "audience_id")
    private String audienceId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    @Column(name = "has_thumbnail")
    private boolean hasThumbnail;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Attachment() {
    }

    Attachment(String audienceId, String fileName, FileType type, long size, boolean hasThumbnail) {
        this.id = Ids.newId();
        this.audienceId = audienceId;
        this.fileName = fileName;
        this.contentType = type.mediaType();
        this.size = size;
        this.hasThumbnail = hasThumbnail;
        this.createdAt = Clock.now();
    }

    String id() {
        return id;
    }

    String audienceId() {
        return audienceId;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    boolean hasThumbnail() {
        return hasThumbnail;
    }

    AttachmentResponse toResponse() {
        String url = "/api/v1/audiences/" + audienceId + "/attachments/" + id;
        return new AttachmentResponse(id, fileName, size, contentType, url, hasThumbnail ? url + "/thumbnail" : null);
    }
}
