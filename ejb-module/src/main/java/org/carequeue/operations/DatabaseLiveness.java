package org.carequeue.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the database has been unreachable for longer than the grace. Restarting a node
 * does not mend a database outage, so a short one must not get nodes restarted (readiness already
 * takes them out of rotation); but a node that cannot reach its database for long, while others
 * may, is broken as far as the load balancer is concerned. This check reads what the last
 * validations found ({@link DatabaseWatch}, readiness probes) and never waits for the database.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    @Inject
    DatabaseReachability database;

    @Inject
    @ConfigProperty(name = "carequeue.health.liveness-grace-seconds", defaultValue = "60")
    long graceSeconds;

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> since = database.unreachableSince();
        Duration grace = Duration.ofSeconds(graceSeconds);
        boolean alive = since.isEmpty() || Duration.between(since.get(), Instant.now()).compareTo(grace) <= 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database-outage-grace").status(alive)
                .withData("graceSeconds", graceSeconds);
        since.ifPresent(instant -> response.withData("unreachableSince", instant.toString()));
        return response.build();
    }
}
