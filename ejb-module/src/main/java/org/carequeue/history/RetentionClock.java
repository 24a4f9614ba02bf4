package org.carequeue.history;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock of retention, every {@code carequeue.retention.check-seconds} (five minutes by
 * default). Like the completion clock it is non-persistent and ticks on every node; {@link
 * Retention} deletes each audience once, whichever node comes first, and a tick after downtime
 * catches up. A tick takes batches until one comes back short, up to a bound, so one tick never
 * holds the database for long.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RetentionClock {

    private static final Logger LOG = Logger.getLogger(RetentionClock.class.getName());
    private static final int MAX_BATCHES_PER_TICK = 20;

    @Inject
    Retention retention;

    @Inject
    @ConfigProperty(name = "carequeue.retention.check-seconds", defaultValue = "300")
    long checkSeconds;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        long period = Math.max(1, checkSeconds) * 1000;
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    // Each batch commits on its own; a failed tick is logged and the next one tries again.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
                if (retention.deleteExpiredTranscripts() < Retention.BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete expired transcripts; the next tick tries again", e);
        }
    }
}
