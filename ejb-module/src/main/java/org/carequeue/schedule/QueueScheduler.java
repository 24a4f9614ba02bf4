package org.carequeue.schedule;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.queue.Queues;

/**
 * The clock of queue schedules. Payara Micro does not coordinate persistent timers between
 * instances, so this timer is non-persistent and ticks on every node; {@link
 * Queues#applyDueScheduleEdge} applies each edge once, whichever node comes first. A node that
 * dies stops nothing, and the first tick after a standstill applies the latest missed edge.
 */
@Singleton
public class QueueScheduler {

    private static final Logger LOG = Logger.getLogger(QueueScheduler.class.getName());

    @Inject
    Queues queues;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    // Each queue in a transaction of its own: one queue's failure does not hold back the others.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        for (String queueId : queues.scheduledQueueIds()) {
            try {
                queues.applyDueScheduleEdge(queueId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not apply the schedule of queue " + queueId + "; the next tick tries again", e);
            }
        }
    }
}
