package org.carequeue.web.chat;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
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
        Set<String> waiting = sessions.waitingAudienceIds();
        if (waiting.isEmpty()) {
            return;
        }
        try {
            audiences.customersPresent(waiting);
        } catch (RuntimeException e) {
            // The next beat tries again; one missed beat is far inside the grace period.
            LOG.log(Level.WARNING, "Could not mark " + waiting.size() + " waiting customers as seen", e);
        }
    }
}
