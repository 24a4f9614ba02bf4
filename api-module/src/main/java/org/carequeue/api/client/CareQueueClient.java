package org.carequeue.api.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.api.statistics.StatisticsResponse;

/**
 * A client of one CareQueue, optionally speaking with a bearer token: an agent's session token
 * ({@link #signIn}), an API key, or a customer token for the customer's own audience. Instances are
 * immutable and thread-safe; {@link #withToken} gives a client with another token over the same
 * connection pool. Every refusal is a {@link CareQueueException} carrying the problem's code.
 */
public final class CareQueueClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Jsonb json;

    private CareQueueClient(URI base, String token, HttpClient http, Jsonb json) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.json = json;
    }

    /** A client of the CareQueue at {@code base} (such as {@code https://care.example.org/}), without a token. */
    public static CareQueueClient of(URI base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        // HTTP/1.1: CareQueue does not speak HTTP/2 over plain HTTP (docs/integration.md).
        return new CareQueueClient(URI.create(root), null, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), JsonbBuilder.create());
    }

    /** The same CareQueue with this bearer token (a session token, an API key or a customer token). */
    public CareQueueClient withToken(String bearerToken) {
        return new CareQueueClient(base, bearerToken, http, json);
    }

    /** Signs an agent in; the answer's token is for {@link #withToken}. */
    public SessionResponse signIn(String username, String password) {
        return send(post("api/v1/sessions", new SignInRequest(username, password)), SessionResponse.class);
    }

    /** A customer asks for help in a queue (no token needed); the answer carries their customer token. */
    public CustomerRequestResponse request(String queueId, CustomerRequest request) {
        return send(post("api/v1/queues/" + segment(queueId) + "/requests", request), CustomerRequestResponse.class);
    }

    /** Picks the next customer in line. */
    public AudienceResponse pickNext(String queueId) {
        return pick(queueId, null);
    }

    /** Picks this customer ({@code audienceId}), or the next one when it is null. */
    public AudienceResponse pick(String queueId, String audienceId) {
        return send(post("api/v1/queues/" + segment(queueId) + "/pick", new PickRequest(audienceId)),
                AudienceResponse.class);
    }

    public AudienceResponse audience(String audienceId) {
        return send(get("api/v1/audiences/" + segment(audienceId), "application/json"), AudienceResponse.class);
    }

    /**
     * Posts a text message as the token's side. Posting the same {@code clientMessageId} again
     * returns the message stored the first time, so a retry after a lost answer is safe.
     */
    public PostMessageResponse postMessage(String audienceId, String clientMessageId, String text) {
        return send(post("api/v1/audiences/" + segment(audienceId) + "/messages",
                new PostMessageRequest(clientMessageId, text)), PostMessageResponse.class);
    }

    /** The messages with a seq above {@code since} (0 for all), ascending. */
    public List<MessageResponse> messages(String audienceId, long since) {
        return send(get("api/v1/audiences/" + segment(audienceId) + "/messages?since=" + since, "application/json"),
                listOf(MessageResponse.class));
    }

    /** Ends the conversation, from either side. */
    public AudienceResponse end(String audienceId) {
        return send(post("api/v1/audiences/" + segment(audienceId) + "/end", null), AudienceResponse.class);
    }

    /**
     * A queue's statistics over the local dates {@code [from, to)} in {@code zone} per {@code interval}
     * ({@code hourly}, {@code daily} or {@code monthly}); with a null {@code queueId}, all the organization's
     * queues. A null zone or interval leaves it to the server (UTC, daily). Operators only.
     */
    public StatisticsResponse statistics(String queueId, LocalDate from, LocalDate to, String zone, String interval) {
        StringBuilder path = new StringBuilder(queueId == null ? "api/v1/statistics"
                : "api/v1/queues/" + segment(queueId) + "/statistics");
        path.append("?from=").append(from).append("&to=").append(to);
        if (zone != null) {
            path.append("&zone=").append(URLEncoder.encode(zone, StandardCharsets.UTF_8));
        }
        if (interval != null) {
            path.append("&interval=").append(URLEncoder.encode(interval, StandardCharsets.UTF_8));
        }
        return send(get(path.toString(), "application/json"), StatisticsResponse.class);
    }

    private HttpRequest.Builder get(String path, String accept) {
        return request(path).header("Accept", accept).GET();
    }

    private HttpRequest.Builder post(String path, Object body) {
        return request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.toJson(body), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> T send(HttpRequest.Builder request, Type answer) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling CareQueue", e);
        }
        if (response.statusCode() >= 400) {
            throw refusal(response);
        }
        return json.fromJson(response.body(), answer);
    }

    private CareQueueException refusal(HttpResponse<String> response) {
        return new CareQueueException(response.statusCode(), problemIn(response), response.body());
    }

    /** The problem+json body, or null when the answer has none (or an unreadable one). */
    private Problem problemIn(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)) {
            return null;
        }
        try {
            return json.fromJson(response.body(), Problem.class);
        } catch (JsonbException e) {
            return null;
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[]{element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
