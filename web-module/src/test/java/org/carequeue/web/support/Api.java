package org.carequeue.web.support;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.agent.SignUpRequest;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.session.SessionResponse;
import org.carequeue.api.session.SignInRequest;

/**
 * A small HTTP client for the ITs, speaking the published contract (api-module records) to a
 * running CareQueue. Each test builds its own organization through it.
 */
public final class Api {

    public static final String PASSWORD = "it-password";
    public static final Jsonb JSON = JsonbBuilder.create();

    private final URI base;
    /** HTTP/1.1, as every client of the tests: CareQueue refuses a body sent with an h2c upgrade. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The {@code Origin} header every request sends, as a browser on that page would; null: none (a server). */
    private final String origin;

    /**
     * Arquillian reports Micro's address on the machine's first interface; tests talk to loopback
     * only, so the host is replaced by 127.0.0.1 (Micro listens on every interface).
     */
    public Api(URL base) {
        this(URI.create("http://127.0.0.1:" + base.getPort() + (base.getPath().endsWith("/") ? base.getPath()
                : base.getPath() + "/")), null);
    }

    private Api(URI base, String origin) {
        this.base = base;
        this.origin = origin;
    }

    /** The same client calling as a page of {@code origin} would (its browser sends the Origin header). */
    public Api from(String origin) {
        return new Api(base, origin);
    }

    public URI base() {
        return base;
    }

    /** An HTTP answer; {@link #as} reads the body as a contract record. */
    public record Reply(int status, String contentType, String body) {

        public <T> T as(Class<T> type) {
            return JSON.fromJson(body, type);
        }

        public <T> List<T> asList(Class<T> type) {
            return JSON.fromJson(body, listOf(type));
        }

        public Problem problem() {
            if (!contentType.startsWith(Problem.MEDIA_TYPE)) {
                throw new AssertionError("Expected problem+json, got " + contentType + ": " + body);
            }
            return as(Problem.class);
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Reply get(String path, String token) {
        return send(http(path, token, "application/json").GET());
    }

    /** A GET asking for another representation than JSON ({@code text/csv}, say). */
    public Reply get(String path, String token, String accept) {
        return send(http(path, token, "application/json").setHeader("Accept", accept).GET());
    }

    public Reply post(String path, String token, Object body) {
        return send(http(path, token, "application/json").POST(bodyOf(body)));
    }

    public Reply postRaw(String path, String token, String contentType, String body) {
        return send(http(path, token, contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method without a body. */
    public Reply send(String method, String path, String token) {
        return send(http(path, token, "application/json").method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Reply put(String path, String token, Object body) {
        return send(http(path, token, "application/json").PUT(bodyOf(body)));
    }

    /** A PUT of a JSON document as written (a schedule, say), not of a record. */
    public Reply putJson(String path, String token, String json) {
        return send(http(path, token, "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    // --- building an organization through the API ---

    /** A fresh organization with its owner signed in. */
    public Organization signUp() {
        String owner = unique("owner");
        AgentResponse agent = post("api/v1/organizations", null,
                new SignUpRequest("IT Care " + owner, owner, "Owner " + owner, PASSWORD))
                .expect(201).as(AgentResponse.class);
        return new Organization(agent.organizationId(), agent.agentId(), signIn(owner), owner);
    }

    public record Organization(String id, String ownerId, String ownerToken, String ownerUsername) {
    }

    public String signIn(String username) {
        return post("api/v1/sessions", null, new SignInRequest(username, PASSWORD))
                .expect(201).as(SessionResponse.class).token();
    }

    /** An agent of the organization, signed in. */
    public Agent agent(Organization organization) {
        String username = unique("agent");
        AgentResponse agent = post("api/v1/agents", organization.ownerToken(),
                new CreateAgentRequest(username, "Agent " + username, null, PASSWORD, "AGENT"))
                .expect(201).as(AgentResponse.class);
        return new Agent(agent.agentId(), agent.name(), signIn(username), username);
    }

    public record Agent(String id, String name, String token, String username) {
    }

    /** An operator of the organization who is a member of no queue, signed in. */
    public Agent operator(Organization organization) {
        String username = unique("operator");
        AgentResponse operator = post("api/v1/agents", organization.ownerToken(),
                new CreateAgentRequest(username, "Operator " + username, null, PASSWORD, "OPERATOR"))
                .expect(201).as(AgentResponse.class);
        return new Agent(operator.agentId(), operator.name(), signIn(username), username);
    }

    /** An open queue with these agents as members. */
    public QueueResponse openQueue(Organization organization, int capacity, Agent... members) {
        QueueResponse queue = post("api/v1/queues", organization.ownerToken(),
                new CreateQueueRequest(unique("queue"), capacity)).expect(201).as(QueueResponse.class);
        for (Agent member : members) {
            put("api/v1/queues/" + queue.id() + "/members/" + member.id(), organization.ownerToken(), null).expect(200);
        }
        put("api/v1/queues/" + queue.id() + "/members/" + organization.ownerId(), organization.ownerToken(), null)
                .expect(200);
        return post("api/v1/queues/" + queue.id() + "/open", organization.ownerToken(), null)
                .expect(200).as(QueueResponse.class);
    }

    public CustomerRequestResponse request(String queueId, String name, String message) {
        return post("api/v1/queues/" + queueId + "/requests", null,
                new CustomerRequest(name, message, null, null, null)).expect(201).as(CustomerRequestResponse.class);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpRequest.Builder http(String path, String token, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", contentType);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.toJson(body));
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            public Type[] getActualTypeArguments() {
                return new Type[]{element};
            }

            public Type getRawType() {
                return List.class;
            }

            public Type getOwnerType() {
                return null;
            }
        };
    }
}
