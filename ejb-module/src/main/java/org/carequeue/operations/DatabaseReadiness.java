package org.carequeue.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers: without it this node can serve nobody, so the load balancer
 * should send requests elsewhere. Each probe validates anew, within a few seconds at most.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseReachability database;

    @Override
    public HealthCheckResponse call() {
        DatabaseReachability.Validation validation = database.validate();
        if (validation.reachable()) {
            return HealthCheckResponse.named("database").up().build();
        }
        return HealthCheckResponse.named("database").down()
                .withData("failure", validation.failure())
                .withData("unreachableSince", database.unreachableSince().map(Object::toString).orElse(""))
                .build();
    }
}
