package org.carequeue.agent;

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
 * Deletes what no longer works or counts, every {@code carequeue.housekeeping.check-seconds} (an
 * hour by default): expired API sessions and invitation links, and failed sign-in counts past
 * their window (every username typed wrongly leaves one, made-up ones included, so without this
 * the table would only grow). Non-persistent: every node ticks; deleting twice is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SignInHousekeeping {

    private static final Logger LOG = Logger.getLogger(SignInHousekeeping.class.getName());
    private static final long FIRST_TICK_MILLIS = 60_000;

    @Inject
    Agents agents;

    @Inject
    SignInLockouts lockouts;

    @Inject
    @ConfigProperty(name = "carequeue.housekeeping.check-seconds", defaultValue = "3600")
    long checkSeconds;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        long period = Math.max(1, checkSeconds) * 1000;
        // The first tick within a minute of the start: a node restarted more often than hourly cleans up too.
        timers.createIntervalTimer(Math.min(period, FIRST_TICK_MILLIS), period, new TimerConfig(null, false));
    }

    @Timeout
    // Each clean-up commits on its own, and one failing does not keep the other from running.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            agents.forgetExpiredSessions();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete expired sessions and invitations; the next tick tries again", e);
        }
        try {
            lockouts.forgetStale();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete stale failed sign-in counts; the next tick tries again", e);
        }
    }
}
