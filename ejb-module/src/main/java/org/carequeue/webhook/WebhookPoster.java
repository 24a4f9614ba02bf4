package org.carequeue.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    DeliveryOutcome post(DeliveryJob job) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(job.url()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "CareQueue-Webhooks")
                    .header(WebhookHeaders.ID, job.eventId())
                    .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookHeaders.SIGNATURE, WebhookSignature.sign(job.secret(), timestamp, job.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(job.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new DeliveryOutcome(response.statusCode(),
                        new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8), null);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new DeliveryOutcome(null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome(null, null, "Interrupted");
        }
    }
}
