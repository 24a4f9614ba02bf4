package org.carequeue.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.carequeue.platform.Tokens;
import org.carequeue.web.rest.ClientAddresses;
import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per client address and per bearer token for what anyone on the internet can do
 * over and over: ask for help, post messages, upload files, try passwords. A bucket holds
 * {@code count} takes and refills at {@code count} per {@code seconds}; each {@link Limit} is set by
 * its key ({@code CAREQUEUE_RATE_MESSAGES_PER_TOKEN=60/60}, say). The buckets live in this node's
 * memory: with N nodes behind a load balancer a client gets up to N times the limit. That is
 * enough against a flood from one source; what must hold across nodes, the sign-in lock-out, is
 * counted in the database ({@code org.carequeue.agent.SignInLockouts}). Addresses listed in
 * {@code CAREQUEUE_RATE_LIMIT_EXEMPT} (a monitoring host, a load test) are not limited by address.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, by which key, with its configuration key and default (count/seconds). */
    public enum Limit {
        REQUESTS_PER_ADDRESS("carequeue.rate.requests-per-address", "30/60"),
        MESSAGES_PER_ADDRESS("carequeue.rate.messages-per-address", "600/60"),
        MESSAGES_PER_TOKEN("carequeue.rate.messages-per-token", "60/60"),
        UPLOADS_PER_ADDRESS("carequeue.rate.uploads-per-address", "60/60"),
        UPLOADS_PER_TOKEN("carequeue.rate.uploads-per-token", "10/60"),
        SIGN_INS_PER_ADDRESS("carequeue.rate.sign-ins-per-address", "20/60");

        final String key;
        final String defaultRate;

        Limit(String key, String defaultRate) {
            this.key = key;
            this.defaultRate = defaultRate;
        }
    }

    /** A refusal: how long until the next take will be allowed. */
    public record Refused(Duration retryAfter) {

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Beyond this many buckets, the full ones are forgotten (a full bucket is the same as none). */
    private static final int SWEEP_ABOVE = 10_000;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private List<ClientAddresses.Range> exempt = List.of();

    @Inject
    void configure(Config config) {
        for (Limit limit : Limit.values()) {
            rates.put(limit, Rate.parse(limit.key, config.getOptionalValue(limit.key, String.class).orElse(limit.defaultRate)));
        }
        try {
            exempt = ClientAddresses.Range.parseAll(config.getOptionalValue("carequeue.rate-limit.exempt", String.class).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carequeue.rate-limit.exempt: " + e.getMessage(), e);
        }
    }

    /**
     * Takes one from the address's bucket (unless the address is exempt) and, when a token is
     * given, from the token's.
     *
     * @return empty when allowed, else how long to wait
     */
    public Optional<Refused> take(Limit perAddress, String address, Limit perToken, String token) {
        Optional<Refused> refused = Optional.empty();
        if (perAddress != null && address != null && !ClientAddresses.Range.anyContains(exempt, address)) {
            refused = take(perAddress, address);
        }
        if (refused.isEmpty() && perToken != null && token != null) {
            // Keyed by the token's hash: live credentials do not sit in the bucket map.
            refused = take(perToken, Tokens.hash(token));
        }
        return refused;
    }

    /** Takes one from the bucket of one key (an address or a token). */
    public Optional<Refused> take(Limit limit, String key) {
        long now = System.nanoTime();
        // At most one sweep a second: under traffic from many keys a sweep on every call would
        // make each request walk the whole map.
        long last = lastSweep.get();
        if (buckets.size() > SWEEP_ABOVE && now - last > SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Rate rate = rates.get(limit);
        Bucket bucket = buckets.computeIfAbsent(limit.name() + '|' + key, k -> new Bucket(rate, now));
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? Optional.empty() : Optional.of(new Refused(Duration.ofNanos(waitNanos)));
    }

    record Rate(int count, Duration per) {

        static Rate parse(String key, String text) {
            String[] parts = text.strip().split("/");
            try {
                Rate rate = new Rate(Integer.parseInt(parts[0].strip()), Duration.ofSeconds(Long.parseLong(parts[1].strip())));
                if (parts.length == 2 && rate.count > 0 && !rate.per.isNegative() && !rate.per.isZero()) {
                    return rate;
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // refused below with the key named
            }
            throw new IllegalArgumentException(key + " is count/seconds, both positive (e.g. 60/60), not " + text);
        }

        double perNano() {
            return count / (double) per.toNanos();
        }
    }

    /** A classic token bucket; a take that finds less than one token tells how long until there is one. */
    static final class Bucket {

        private final Rate rate;
        private double tokens;
        private long updated;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.count();
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate.perNano()));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= rate.count();
        }

        private void refill(long now) {
            tokens = Math.min(rate.count(), tokens + (now - updated) * rate.perNano());
            updated = now;
        }
    }
}
