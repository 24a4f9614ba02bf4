package org.carequeue.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.carequeue.web.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operations' view of a running CareQueue: MicroProfile Health ({@code /health/ready},
 * {@code /health/live}) follows the database, and the application metrics ({@code /metrics})
 * follow customers, sockets and messages. Micro is started here rather than by Arquillian so that,
 * in the PostgreSQL pass, its database connection runs through a proxy the outage test can cut.
 */
@ExtendWith(DatabaseUnderTest.class)
class HealthIT {

    private static final Duration LIVENESS_GRACE = Duration.ofSeconds(8);
    /** Readiness must notice an outage this fast; a load balancer's probe gives up after a few seconds. */
    private static final Duration READINESS_NOTICES_WITHIN = Duration.ofSeconds(5);
    /** The audience figures are cached for 5 s on the node; a change shows within this. */
    private static final Duration FIGURES_FOLLOW_WITHIN = Duration.ofSeconds(20);
    private static final String WAITING = "carequeue_waiting_customers";
    private static final String ACTIVE = "carequeue_active_audiences";
    private static final String OPEN_SOCKETS = "carequeue_open_sockets";
    private static final String MESSAGES = "carequeue_messages_total";
    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("carequeue.it.database"));

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static TcpProxy database;
    static MicroProcess micro;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("CAREQUEUE_HEALTH_LIVENESS_GRACE_SECONDS", String.valueOf(LIVENESS_GRACE.toSeconds()));
        // Nobody leaves a queue by timing out meanwhile, so the waiting figure moves with this test's customers only.
        environment.put("CAREQUEUE_CUSTOMER_GRACE_SECONDS", "86400");
        if (POSTGRESQL) {
            URI url = URI.create(System.getProperty("carequeue.it.postgresql.url").substring("jdbc:".length()));
            database = new TcpProxy(url.getPort());
            environment.put("CAREQUEUE_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port()
                    + url.getRawPath() + "?" + url.getRawQuery());
        }
        micro = MicroProcess.start("health", environment, List.of("--nocluster"));
        api = new Api(micro.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (micro != null) {
            micro.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readinessAndLivenessAreUpWhileTheDatabaseAnswers() {
        assertUp(api.get("health/ready", null).expect(200), "database");
        assertUp(api.get("health/live", null).expect(200), "database-outage-grace");
        Api.Reply all = api.get("health", null).expect(200);
        assertTrue(all.contentType().startsWith("application/json"), all.contentType());
        assertUp(all, "database");
    }

    @Test
    void theFiguresFollowCustomersSocketsAndMessages() {
        String metrics = metrics();
        double waiting = figure(metrics, WAITING, "");
        double active = figure(metrics, ACTIVE, "");
        double chatSockets = figure(metrics, OPEN_SOCKETS, "kind=\"chat\"");
        double messages = figure(metrics, MESSAGES, "");
        // Shown although no desk is open here.
        assertEquals(0, figure(metrics, OPEN_SOCKETS, "kind=\"desk\""));

        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Mia", "Is anyone there?");
        awaitFigure(WAITING, "", value -> value == waiting + 1);
        // The request's message is the conversation's first.
        awaitFigure(MESSAGES, "", value -> value == messages + 1);

        try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
            awaitFigure(OPEN_SOCKETS, "kind=\"chat\"", value -> value == chatSockets + 1);
            api.post("api/v1/audiences/" + customer.audienceId() + "/messages", customer.customerToken(),
                    new PostMessageRequest("mia-1", "Hello?")).expect(201);
            awaitFigure(MESSAGES, "", value -> value == messages + 2);

            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            awaitFigure(ACTIVE, "", value -> value == active + 1);
            awaitFigure(WAITING, "", value -> value == waiting);
        }
        awaitFigure(OPEN_SOCKETS, "kind=\"chat\"", value -> value == chatSockets);
    }

    @Test
    void withoutTheDatabaseReadinessFailsAtOnceLivenessAfterTheGraceAndBothRecover() {
        assumeTrue(POSTGRESQL, "Only the PostgreSQL pass reaches its database over TCP, through a proxy this test"
                + " can cut; the embedded H2 file database cannot be taken away from a running node");
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CustomerRequestResponse customer = api.request(queue.id(), "Carla", null);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        String messages = "api/v1/audiences/" + customer.audienceId() + "/messages";
        for (int i = 0; i < 10; i++) {
            api.post(messages, customer.customerToken(), new PostMessageRequest("before-" + i, "Before " + i)).expect(201);
        }
        api.get("health/ready", null).expect(200);

        Instant cut = Instant.now();
        database.cut();
        try {
            // The API fails fast, saying to come back, and stores nothing.
            Instant posting = Instant.now();
            Api.Reply refused = api.post(messages, customer.customerToken(), new PostMessageRequest("during", "During"));
            assertEquals(503, refused.status(), refused.body());
            assertEquals("service_unavailable", refused.problem().code());
            assertTrue(Duration.between(posting, Instant.now()).compareTo(READINESS_NOTICES_WITHIN) < 0,
                    "A request fails within a few seconds while the database is gone");

            Api.Reply ready = await("health/ready", 503, READINESS_NOTICES_WITHIN);
            JsonObject check = check(ready, "database");
            assertEquals("DOWN", check.getString("status"));
            assertFalse(check.getJsonObject("data").getString("failure").isBlank(), ready.body());
            String password = Objects.requireNonNullElse(System.getenv("CAREQUEUE_DB_PASSWORD"), "jdbc:");
            for (String secret : List.of("jdbc:", String.valueOf(database.port()), password)) {
                assertFalse(ready.body().contains(secret),
                        "The public probe names the failure, not the database's address or password: " + ready.body());
            }

            Instant probing = Instant.now();
            api.get("health/ready", null).expect(503);
            assertTrue(Duration.between(probing, Instant.now()).compareTo(READINESS_NOTICES_WITHIN) < 0,
                    "A probe answers within a few seconds while the database is gone");
            // A short outage does not make the node look dead.
            assertUp(api.get("health/live", null).expect(200), "database-outage-grace");

            await("health/live", 503, LIVENESS_GRACE.plusSeconds(20));
            assertTrue(Duration.between(cut, Instant.now()).compareTo(LIVENESS_GRACE) >= 0,
                    "Liveness waits for the grace to pass");
            // Scraping still works; the cluster's figures are unknown rather than stale.
            assertTrue(Double.isNaN(figure(metrics(), WAITING, "")));
        } finally {
            database.restore();
        }

        await("health/ready", 200, Duration.ofSeconds(30));
        await("health/live", 200, Duration.ofSeconds(10));
        // The node serves again without a restart: its pool reconnected.
        api.get("api/v1/organizations/" + organization.id() + "/queues", null).expect(200);
        // The refused message is sent again and stored once; every message acknowledged before the outage is there.
        api.post(messages, customer.customerToken(), new PostMessageRequest("during", "During")).expect(201);
        assertEquals(Stream.concat(IntStream.range(0, 10).mapToObj(i -> "before-" + i), Stream.of("during")).toList(),
                api.get(messages, agent.token()).expect(200).asList(MessageResponse.class).stream()
                        .map(MessageResponse::clientMessageId).toList());
    }

    /** Polls until the endpoint answers this status, for at most {@code within}; returns that answer. */
    private static Api.Reply await(String path, int status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Api.Reply reply = api.get(path, null);
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            pause();
            reply = api.get(path, null);
        }
        return reply.expect(status);
    }

    private static void awaitFigure(String name, String tag, DoublePredicate expected) {
        Instant deadline = Instant.now().plus(FIGURES_FOLLOW_WITHIN);
        double value = figure(metrics(), name, tag);
        while (!expected.test(value) && Instant.now().isBefore(deadline)) {
            pause();
            value = figure(metrics(), name, tag);
        }
        assertTrue(expected.test(value), name + "{" + tag + "} is " + value);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application scope in the Prometheus text format (the endpoint refuses {@code Accept: application/json}). */
    private static String metrics() {
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("metrics?scope=application"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/plain").build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the one sample of this metric whose tags include {@code tag} (any, when empty). */
    private static double figure(String metrics, String name, String tag) {
        Matcher samples = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (samples.find()) {
            if (samples.group(1).contains(tag)) {
                return Double.parseDouble(samples.group(2));
            }
        }
        throw new AssertionError("No " + name + "{" + tag + "} in\n" + metrics);
    }

    private static JsonObject health(Api.Reply reply) {
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    private static JsonObject check(Api.Reply reply, String name) {
        return health(reply).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + reply.body()));
    }

    private static void assertUp(Api.Reply reply, String check) {
        assertEquals("UP", health(reply).getString("status"), reply.body());
        assertEquals("UP", check(reply, check).getString("status"), reply.body());
    }
}
