package org.carequeue.history;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccess;
import org.carequeue.audience.AudienceState;
import org.carequeue.message.StoredConversation;
import org.carequeue.platform.Clock;

/**
 * Deletes the content of conversations complete, and of requests dropped, for longer than their
 * queue's retention (the queue setting {@code transcriptRetentionDays}), a batch per transaction.
 */
@Stateless
public class Retention {

    /** Most deletions in one transaction; the clock calls again while batches come back full. */
    public static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    AudienceAccess audiences;

    @Inject
    StoredConversation conversation;

    /**
     * One batch. Every node's clock runs this; under the audience's row lock it checks again that
     * the content is due and not deleted yet, so each audience is deleted once. Only server code
     * calls this.
     *
     * @return how many audiences lost their content now
     */
    @PermitAll
    public int deleteExpiredTranscripts() {
        OffsetDateTime now = Clock.now();
        List<Object[]> queues = em.createQuery("select q.id, q.transcriptRetentionDays from Queue q"
                + " where q.transcriptRetentionDays is not null order by q.id", Object[].class).getResultList();
        int count = 0;
        for (Object[] queue : queues) {
            OffsetDateTime cutoff = now.minusDays(((Number) queue[1]).longValue());
            List<String> due = em.createQuery("select a.id from Audience a where a.queueId = :queue"
                            + " and (a.state = :complete and a.completedAt < :cutoff or a.state = :dropped and a.endedAt < :cutoff)"
                            + " and a.transcriptDeletedAt is null order by a.endedAt, a.id", String.class)
                    .setParameter("queue", queue[0])
                    .setParameter("complete", AudienceState.COMPLETE)
                    .setParameter("dropped", AudienceState.DROPPED)
                    .setParameter("cutoff", cutoff)
                    .setMaxResults(BATCH - count)
                    .getResultList();
            for (String id : due) {
                Audience audience = audiences.locked(id);
                if (audience.deleteTranscriptIfOverBefore(cutoff)) {
                    conversation.delete(audience.id());
                    em.createQuery("delete from Note n where n.audienceId = :audience")
                            .setParameter("audience", audience.id()).executeUpdate();
                    count++;
                }
            }
            if (count >= BATCH) {
                break;
            }
        }
        return count;
    }
}
