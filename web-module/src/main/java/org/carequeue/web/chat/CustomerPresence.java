package org.carequeue.web.chat;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.audience.Audiences;

/**
 * The heartbeat of the waiting customers whose sockets this node holds: every two seconds they
 * are marked seen in the database. A customer is dropped once no node has seen them for the grace
 * period, so a customer connected to any node stays in line, and the customers of a node that
 * died are dropped after the grace period unless they reconnect elsewhere. The grace period must
 * therefore be well above two seconds (at least ten).
 */
@Singleton
public class CustomerPresence {

    private static final Logger LOG = Logger.getLogger(CustomerPresence.class.getName());

    @Inject
    ChatSessions sessions;

    @Inject
    Audiences audiences;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    // The boundary commits on its own, so a failed beat is caught here and not retried by the timer.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        List<String> waiting = List.copyOf(sessions.waitingAudienceIds());
        // A transaction per batch, so the rows it locks are held for one batch's update, not for all of them.
        for (int from = 0; from < waiting.size(); from += Audiences.PRESENCE_BATCH) {
            List<String> batch = waiting.subList(from, Math.min(waiting.size(), from + Audiences.PRESENCE_BATCH));
            try {
                audiences.customersPresent(batch);
            } catch (RuntimeException e) {
                // The next beat tries again; one missed beat is far inside the grace period.
                LOG.log(Level.WARNING, "Could not mark " + batch.size() + " waiting customers as seen", e);
            }
        }
    }
}
