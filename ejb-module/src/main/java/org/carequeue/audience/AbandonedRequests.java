package org.carequeue.audience;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The clock that drops waiting customers whose socket is gone. Non-persistent: every node ticks,
 * and {@link Audiences#dropAbandoned()} makes each drop happen once.
 */
@Singleton
public class AbandonedRequests {

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class.getName());

    @Inject
    Audiences audiences;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        int dropped = audiences.dropAbandoned();
        if (dropped > 0) {
            LOG.fine(() -> dropped + " waiting customers dropped after their socket was gone");
        }
    }
}
