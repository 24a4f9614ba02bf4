package org.carequeue.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.carequeue.platform.SchemaMigration;

/**
 * Whether this node reaches its database, and since when it has not. A validation takes a
 * connection from the application's pool and asks the database whether it is valid; its answer
 * is awaited for {@link #ANSWER_WITHIN} at most, so a probe returns in time even when the database
 * host is gone and a connection attempt would hang until the driver's own time-out.
 */
@ApplicationScoped
public class DatabaseReachability {

    /** Longest a probe waits for the database; load balancers give up on a probe after a few seconds. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final int VALID_WITHIN_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReachability.class.getName());

    /**
     * One validation's outcome. {@code failure} names what went wrong without addresses or
     * credentials, for the public probe; {@code detail} is the driver's message, for the server log.
     */
    record Validation(boolean reachable, String failure, String detail) {

        static final Validation REACHABLE = new Validation(true, null, null);

        static Validation failed(String failure) {
            return new Validation(false, failure, failure);
        }
    }

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    /** The validation under way; probes arriving meanwhile wait for it instead of starting their own. */
    private CompletableFuture<Validation> running;
    /** Null while the last validation succeeded. */
    private volatile Instant unreachableSince;

    /** Validates the database now (bounded by {@link #ANSWER_WITHIN}) and remembers the outcome. */
    Validation validate() {
        Validation validation;
        try {
            validation = start().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            validation = Validation.failed("no answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (ExecutionException e) {
            validation = new Validation(false, e.getCause().getClass().getSimpleName(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            validation = Validation.failed("interrupted");
        }
        record(validation);
        return validation;
    }

    /** Since when validations fail, as last seen; empty while the database answers. */
    Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    private synchronized CompletableFuture<Validation> start() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::askDatabase, executor);
        }
        return running;
    }

    private Validation askDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS) ? Validation.REACHABLE
                    : Validation.failed("connection not valid");
        } catch (SQLException e) {
            return new Validation(false, e.getClass().getSimpleName()
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e.getMessage());
        }
    }

    private synchronized void record(Validation validation) {
        if (validation.reachable() && unreachableSince != null) {
            LOG.info(() -> "The database answers again after being unreachable since " + unreachableSince);
            unreachableSince = null;
        } else if (!validation.reachable() && unreachableSince == null) {
            unreachableSince = Instant.now();
            LOG.warning(() -> "The database is unreachable: " + validation.detail());
        }
    }
}
