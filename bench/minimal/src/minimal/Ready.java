package minimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class Ready implements HealthCheck {
    @Inject
    Greetings greetings;

    @Override
    public HealthCheckResponse call() {
        greetings.count();
        return HealthCheckResponse.up("database");
    }
}
