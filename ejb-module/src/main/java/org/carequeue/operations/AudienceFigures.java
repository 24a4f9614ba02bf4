package org.carequeue.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.audience.AudienceState;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The whole cluster's waiting customers and active audiences, from the database, as the gauges
 * {@code carequeue_waiting_customers} and {@code carequeue_active_audiences}. One query counts
 * both, at most once per {@link #FRESH_FOR} on each node however often it is scraped; while the
 * database is unreachable the figures are unknown (NaN) rather than stale.
 */
@ApplicationScoped
public class AudienceFigures {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final int QUERY_TIMEOUT_MILLIS = 2_000;
    private static final Logger LOG = Logger.getLogger(AudienceFigures.class.getName());

    /** Audiences by state as counted at {@code at}; {@code null} when they could not be counted. */
    private record Counts(Map<AudienceState, Long> byState, Instant at) {

        static Counts unknownAt(Instant at) {
            return new Counts(null, at);
        }

        double of(AudienceState state) {
            return byState == null ? Double.NaN : byState.getOrDefault(state, 0L);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DatabaseReachability database;

    @Inject
    MetricRegistry registry;

    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Counts counts = Counts.unknownAt(Instant.MIN);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("carequeue_waiting_customers")
                        .withDescription("Customers waiting in a queue (audiences REQUESTED), whole cluster")
                        .withUnit(MetricUnits.NONE).build(),
                this, figures -> figures.current().of(AudienceState.REQUESTED));
        registry.gauge(Metadata.builder().withName("carequeue_active_audiences")
                        .withDescription("Conversations an agent holds (audiences ACCEPTED), whole cluster")
                        .withUnit(MetricUnits.NONE).build(),
                this, figures -> figures.current().of(AudienceState.ACCEPTED));
    }

    /**
     * The counts, recounted when older than {@link #FRESH_FOR}. One scrape recounts; scrapes
     * arriving meanwhile get the previous counts instead of queueing up on the database.
     */
    private Counts current() {
        Counts last = counts;
        if (last.at().plus(FRESH_FOR).isAfter(Instant.now()) || !refreshing.tryLock()) {
            return last;
        }
        try {
            counts = database.unreachableSince().isPresent() ? Counts.unknownAt(Instant.now()) : count();
            return counts;
        } finally {
            refreshing.unlock();
        }
    }

    private Counts count() {
        Map<AudienceState, Long> byState = new EnumMap<>(AudienceState.class);
        try {
            List<Object[]> rows = em.createQuery("select a.state, count(a) from Audience a"
                            + " where a.state in :states group by a.state", Object[].class)
                    .setParameter("states", List.of(AudienceState.REQUESTED, AudienceState.ACCEPTED))
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getResultList();
            for (Object[] row : rows) {
                byState.put((AudienceState) row[0], ((Number) row[1]).longValue());
            }
            return new Counts(byState, Instant.now());
        } catch (RuntimeException e) {
            // A scrape must not fail because the database did; readiness reports the outage.
            LOG.log(Level.FINE, "Counting audiences for the metrics failed", e);
            return Counts.unknownAt(Instant.now());
        }
    }
}
