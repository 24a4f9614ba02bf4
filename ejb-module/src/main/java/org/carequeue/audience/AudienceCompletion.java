package org.carequeue.audience;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock that completes finished conversations once their wrap-up time is over
 * ({@code carequeue.audience.complete-after-seconds}, six hours by default). Like the schedule's
 * clock it is non-persistent and ticks on every node; {@link Audiences#completeFinished} completes
 * each conversation once, whichever node comes first, and a tick after downtime catches up.
 */
@Singleton
public class AudienceCompletion {

    private static final Logger LOG = Logger.getLogger(AudienceCompletion.class.getName());

    @Inject
    Audiences audiences;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    // The boundary commits on its own; a failed tick is logged and the next one tries again.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            audiences.completeFinished();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not complete finished conversations; the next tick tries again", e);
        }
    }
}
