package org.carequeue.operations;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Validates the database every few seconds, so that {@link DatabaseLiveness} knows how long an
 * outage has lasted even when nobody asks for readiness (a load balancer may probe liveness only).
 * Non-persistent: every node watches its own connection.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWatch {

    @Inject
    DatabaseReachability database;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        database.validate();
    }
}
