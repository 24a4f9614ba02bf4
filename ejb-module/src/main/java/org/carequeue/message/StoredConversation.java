package org.carequeue.message;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.carequeue.api.message.MessageResponse;

/**
 * An audience's whole stored conversation, for code that has already decided the caller may see or
 * delete it (the history and its retention): every message in order, and the deletion of the
 * messages with their files.
 */
@Dependent
public class StoredConversation {

    @PersistenceContext
    EntityManager em;

    /** Every message, system lines included, in {@code seq} order. */
    public List<MessageResponse> messages(String audienceId) {
        return em.createQuery("select m from ChatMessage m left join fetch m.attachment"
                        + " where m.audienceId = :audience order by m.seq", ChatMessage.class)
                .setParameter("audience", audienceId)
                .getResultStream()
                .map(ChatMessage::toResponse)
                .toList();
    }

    /** Deletes the messages, then the files they carried (bytes first: they refer to the file). */
    public void delete(String audienceId) {
        em.createQuery("delete from ChatMessage m where m.audienceId = :audience")
                .setParameter("audience", audienceId).executeUpdate();
        em.createQuery("delete from AttachmentContent c where c.attachmentId in"
                        + " (select a.id from Attachment a where a.audienceId = :audience)")
                .setParameter("audience", audienceId).executeUpdate();
        em.createQuery("delete from Attachment a where a.audienceId = :audience")
                .setParameter("audience", audienceId).executeUpdate();
    }
}
