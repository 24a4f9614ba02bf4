package org.carequeue.message;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.carequeue.platform.InvalidInput;

/**
 * Checks an upload and stores it, in the caller's transaction: over the limit or of a refused
 * type, it is refused before anything is written.
 */
@Dependent
class AttachmentStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    AttachmentLimit limit;

    Attachment store(String audienceId, Upload upload) {
        byte[] bytes = upload == null ? null : upload.bytes();
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput("file", "The file is empty");
        }
        if (bytes.length > limit.maxBytes()) {
            throw new AttachmentTooLarge(limit.maxBytes());
        }
        FileType type = FileTypes.detect(bytes).orElseThrow(UnsupportedFileType::new);
        byte[] thumbnail = type.picture() ? Thumbnails.of(bytes).orElse(null) : null;
        Attachment attachment = new Attachment(audienceId, FileNames.sanitize(upload.fileName(), type), type,
                bytes.length, thumbnail != null);
        em.persist(attachment);
        // The content's row refers to this one, and no mapping tells the persistence provider so.
        em.flush();
        em.persist(new AttachmentContent(attachment.id(), bytes, thumbnail));
        return attachment;
    }
}
