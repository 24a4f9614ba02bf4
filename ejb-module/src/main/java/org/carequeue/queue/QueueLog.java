package org.carequeue.queue;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes lines of the queues' activity logs, in the caller's transaction. The database numbers a
 * line as it inserts it (the id's default, V24), so a line is one statement: persisted through
 * JPA, it first cost a round trip of its own for the sequence's next value, and every pick and
 * every arrival writes a line (docs/benchmarks.md, thirteenth session).
 */
@Dependent
public class QueueLog {

    @PersistenceContext
    EntityManager em;

    public void append(QueueLogEntry line) {
        // What the line refers to (a new queue, a contact) reaches the database first.
        em.flush();
        // A null is bound as text, which PostgreSQL refuses for a number column without the cast.
        em.createNativeQuery("insert into queue_log_entry (queue_id, at, kind, agent_id, audience_id, other_queue_id,"
                        + " waited_seconds, contact_id) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), ?8)")
                .setParameter(1, line.queueId())
                .setParameter(2, line.at())
                .setParameter(3, line.kind().name())
                .setParameter(4, line.agentId())
                .setParameter(5, line.audienceId())
                .setParameter(6, line.otherQueueId())
                .setParameter(7, line.waitedSeconds())
                .setParameter(8, line.contactId())
                .executeUpdate();
    }
}
