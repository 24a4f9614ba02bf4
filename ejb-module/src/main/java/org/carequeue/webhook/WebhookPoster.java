package org.carequeue.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.carequeue.api.webhook.WebhookHeaders;

/**
 * Makes one signed POST. Short timeouts, because the sender waits for them; redirects are not
 * followed (a subscriber's URL must answer itself, and a redirect must not take a signed body
 * elsewhere); of the answer only the status and its first characters are kept.
 */
@ApplicationScoped
public class WebhookPoster {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int EXCERPT_BYTES = 500;

    private HttpClient http;

    @Inject
    WebhookSettings settings;

    /**
     * Built here, not in a field initializer: that would also run for Weld's client proxy, which
     * would then hold a client of its own (with its selector thread) that nobody uses.
     * HTTP/1.1: over plain HTTP the JDK's default would ask each receiver to upgrade to HTTP/2 with
     * the body on the way, which servers without HTTP/2 (CareQueue's own Grizzly, for one) cannot read.
     */
    @PostConstruct
    void buildClient() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    DeliveryOutcome post(DeliveryJob job) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            if (!settings.allowsInternalAddresses()) {
                Optional<String> refusal = ReceiverAddresses.refusal(URI.create(job.url()).getHost());
                if (refusal.isPresent()) {
                    return new DeliveryOutcome(null, null, "Not sent: " + refusal.get());
                }
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(job.url()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "CareQueue-Webhooks")
                    .header(WebhookHeaders.ID, job.eventId())
                    .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookHeaders.SIGNATURE, WebhookSignature.sign(job.secret(), timestamp, job.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(job.body(), StandardCharsets.UTF_8))
                    .build();
            // The request's timeout covers only the wait for the answer's headers; a receiver that
            // then trickles or stalls its body must not hold the sender, so the whole answer has a
            // deadline and its stream is closed when it passes.
            AtomicReference<InputStream> body = new AtomicReference<>();
            CompletableFuture<DeliveryOutcome> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(response -> {
                        body.set(response.body());
                        try (InputStream stream = response.body()) {
                            return new DeliveryOutcome(response.statusCode(),
                                    new String(stream.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8), null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            try {
                return answer.get(CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                closeQuietly(body.get());
                return new DeliveryOutcome(null, null, "No complete answer within " + CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT).toSeconds() + " s");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
                return new DeliveryOutcome(null, null, cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome(null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome(null, null, "Interrupted");
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing only abandons the answer; nothing is left to do with it.
            }
        }
    }
}
