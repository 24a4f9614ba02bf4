package org.carequeue.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are sent. Defaults suit production; the tests shorten the tick and the backoff.
 * Plain http is refused unless {@code carequeue.webhook.allow-http} is set, since a signed body
 * sent in the clear can still be read and replayed within the timestamp tolerance.
 */
@ApplicationScoped
public class WebhookSettings {

    /** The longest wait between two attempts, however many failed. */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "carequeue.webhook.tick-seconds", defaultValue = "10")
    long tickSeconds;

    @Inject
    @ConfigProperty(name = "carequeue.webhook.backoff-base-seconds", defaultValue = "30")
    long backoffBaseSeconds;

    @Inject
    @ConfigProperty(name = "carequeue.webhook.give-up-seconds", defaultValue = "86400")
    long giveUpSeconds;

    @Inject
    @ConfigProperty(name = "carequeue.webhook.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "carequeue.webhook.allow-internal-addresses", defaultValue = "false")
    boolean allowInternalAddresses;

    Duration tick() {
        return Duration.ofSeconds(Math.max(1, tickSeconds));
    }

    /** The wait after the n-th failed attempt: base, 2 base, 4 base, ... up to an hour. */
    Duration backoffAfter(int failedAttempts) {
        long base = Math.max(1, backoffBaseSeconds);
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 20);
        return Duration.ofSeconds(Math.min(base << doublings, MAX_BACKOFF.toSeconds()));
    }

    /** Retries stop this long after the event. */
    Duration giveUpAfter() {
        return Duration.ofSeconds(Math.max(1, giveUpSeconds));
    }

    boolean allowsHttp() {
        return allowHttp;
    }

    boolean allowsInternalAddresses() {
        return allowInternalAddresses;
    }
}
