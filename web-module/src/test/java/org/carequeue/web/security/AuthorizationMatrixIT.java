package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.carequeue.api.apikey.ApiKeyRequest;
import org.carequeue.api.apikey.NewApiKeyResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.cannedmessage.CannedMessageRequest;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.api.contact.ContactRequest;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.api.queue.CreateQueueRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.api.tag.TagRuleRequest;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.api.webhook.NewWebhookSubscriptionResponse;
import org.carequeue.api.webhook.WebhookSubscriptionRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.FacesForms;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.WarInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what (OWASP ASVS V8): every REST route of the built WAR against every kind of caller,
 * every page against the staff roles, and the sockets' refusals. The expectations are written out
 * below, one line per route, from the boundaries' {@code @RolesAllowed} and their access checks
 * (queue membership, holding the audience, operator rights, the organization); the test first
 * checks that the table names exactly the WAR's routes, so a new endpoint without a line fails.
 * <p>
 * A refused caller sends the request with real ids of the first organization (a body of {})
 * and must get 401, 403 or 404 as problem+json. An allowed caller reads with real ids (2xx); a
 * state-changing route is probed so that nothing changes: with ids that do not exist (404, past
 * the role check) or a body that fails validation (400).
 */
class AuthorizationMatrixIT extends AgainstBuiltWar {

    /** Everyone a request can come from. Keys act as the owner, except the agent key (as {@link #MEMBER}). */
    enum Caller {
        ANONYMOUS, UNKNOWN_AGENT_TOKEN, WRONG_API_KEY, CUSTOMER, MEMBER, NON_MEMBER, OPERATOR, OWNER,
        STATISTICS_KEY, TRANSCRIPTS_KEY, QUEUES_KEY, AGENT_KEY, OTHER_OWNER, OTHER_CUSTOMER
    }

    /** How an allowed caller shows it got past the checks without changing anything. */
    enum Probe {
        /** GET with real ids: 2xx. */
        READ,
        /** Ids that do not exist: 404, which only comes after the role check. */
        UNKNOWN_IDS,
        /** A body that fails validation: 400. */
        INVALID_BODY,
        /** A body that changes nothing ({} keeps every setting): 2xx. */
        NO_CHANGE,
        /** Signs out a session opened for the probe: 204. */
        OWN_FRESH_SESSION,
        /** The route has no id and no body to refuse; it creates something nothing else uses: 2xx. */
        CREATES
    }

    /**
     * {@code body}: what a refused caller and the probe send (ids in braces are filled in like the
     * path's); {@code query}: appended to the path.
     */
    record Expectation(Set<Caller> allowed, Probe probe, String body, String query) {
    }

    private static final Set<Caller> PUBLIC = EnumSet.complementOf(EnumSet.of(Caller.WRONG_API_KEY));
    /** The customer of the audience, its holder, and the key acting as the holder. */
    private static final Set<Caller> CONVERSATION = EnumSet.of(Caller.CUSTOMER, Caller.MEMBER, Caller.AGENT_KEY);
    /** The agent holding the audience (or a member of its queue), as themselves or through their agent key. */
    private static final Set<Caller> HOLDER = EnumSet.of(Caller.MEMBER, Caller.AGENT_KEY);
    /** Any staff account of its own organization, for routes that name nothing of another's. */
    private static final Set<Caller> ANY_AGENT = EnumSet.of(Caller.MEMBER, Caller.NON_MEMBER, Caller.OPERATOR,
            Caller.OWNER, Caller.AGENT_KEY, Caller.OTHER_OWNER);
    private static final Set<Caller> OPERATORS = EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.OTHER_OWNER);
    private static final Set<Caller> OPERATORS_HERE = EnumSet.of(Caller.OPERATOR, Caller.OWNER);

    private static final Map<String, Expectation> EXPECTED = new TreeMap<>();

    static {
        // Sessions and the organization
        expect("POST /api/v1/sessions", PUBLIC, Probe.INVALID_BODY);
        expect("DELETE /api/v1/sessions/current", ANY_AGENT, Probe.OWN_FRESH_SESSION);
        expect("GET /api/v1/me", ANY_AGENT, Probe.READ);
        expect("POST /api/v1/agents", OPERATORS, Probe.INVALID_BODY);
        expect("POST /api/v1/organizations", PUBLIC, Probe.INVALID_BODY);
        expect("GET /api/v1/organizations/{organizationId}/queues", PUBLIC, Probe.READ);
        expect("GET /api/v1/organization/settings", OPERATORS, Probe.READ);
        expect("PUT /api/v1/organization/settings", EnumSet.of(Caller.OWNER, Caller.OTHER_OWNER), Probe.NO_CHANGE);
        expect("GET /api/v1/audit", OPERATORS, Probe.READ);
        // Keys: API keys (operators), master keys (owner creates and revokes, operators list)
        expect("POST /api/v1/api-keys", OPERATORS, Probe.INVALID_BODY);
        expect("GET /api/v1/api-keys", OPERATORS, Probe.READ);
        expect("DELETE /api/v1/api-keys/{keyId}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("POST /api/v1/master-keys", EnumSet.of(Caller.OWNER, Caller.OTHER_OWNER), Probe.CREATES);
        expect("GET /api/v1/master-keys", OPERATORS, Probe.READ);
        expect("DELETE /api/v1/master-keys/{keyId}", EnumSet.of(Caller.OWNER), Probe.UNKNOWN_IDS);
        // Queues: members work in them, operators and queue-managing keys manage them
        Set<Caller> queueManagers = EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.QUEUES_KEY);
        Set<Caller> queueManagersAnywhere = EnumSet.copyOf(queueManagers);
        queueManagersAnywhere.add(Caller.OTHER_OWNER);
        Set<Caller> openers = EnumSet.copyOf(queueManagers);
        openers.addAll(HOLDER);
        expect("GET /api/v1/queues", queueManagersAnywhere, Probe.READ);
        expect("POST /api/v1/queues", queueManagersAnywhere, Probe.INVALID_BODY);
        expect("GET /api/v1/queues/{queueId}", HOLDER, Probe.READ);
        expect("PUT /api/v1/queues/{queueId}/settings", queueManagers, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/queues/{queueId}/schedule", queueManagers, Probe.READ);
        // A schedule is parsed before the queue is looked up: a valid one (with no times) reaches the lookup.
        expect("PUT /api/v1/queues/{queueId}/schedule", queueManagers, Probe.UNKNOWN_IDS,
                "{\"timezone\":\"UTC\",\"week\":[null,null,null,null,null,null,null],\"exceptions\":{}}", "");
        expect("PUT /api/v1/queues/{queueId}/members/{agentId}", queueManagers, Probe.UNKNOWN_IDS);
        expect("DELETE /api/v1/queues/{queueId}/members/{agentId}", queueManagers, Probe.UNKNOWN_IDS);
        expect("POST /api/v1/queues/{queueId}/open", openers, Probe.UNKNOWN_IDS);
        expect("POST /api/v1/queues/{queueId}/close", openers, Probe.UNKNOWN_IDS);
        expect("POST /api/v1/queues/{queueId}/requests", PUBLIC, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/queues/{queueId}/requests", HOLDER, Probe.READ);
        expect("POST /api/v1/queues/{queueId}/pick", HOLDER, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/queues/{queueId}/log", HOLDER, Probe.READ);
        expect("GET /api/v1/queues/{queueId}/note-fields", OPERATORS_HERE, Probe.READ);
        expect("PUT /api/v1/queues/{queueId}/note-fields", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        // Registered contacts: anyone leaves one; members of the queue read them; operators and transcript keys list them
        expect("POST /api/v1/queues/{queueId}/contacts", PUBLIC, Probe.UNKNOWN_IDS,
                "{\"name\":\"Probe\",\"email\":\"probe@example.com\",\"message\":\"probe\"}", "");
        expect("GET /api/v1/queues/{queueId}/contacts", HOLDER, Probe.READ);
        expect("GET /api/v1/contacts/{contactId}", HOLDER, Probe.READ);
        expect("PUT /api/v1/contacts/{contactId}/comment", HOLDER, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/contacts", with(OPERATORS, Caller.TRANSCRIPTS_KEY), Probe.READ);
        // The conversation: its customer (customer token) and the agent holding it
        expect("GET /api/v1/audiences/{audienceId}", CONVERSATION, Probe.READ);
        expect("POST /api/v1/audiences/{audienceId}/messages", CONVERSATION, Probe.UNKNOWN_IDS,
                "{\"clientMessageId\":\"matrix-probe\",\"text\":\"probe\"}", "");
        expect("GET /api/v1/audiences/{audienceId}/messages", CONVERSATION, Probe.READ);
        expect("POST /api/v1/audiences/{audienceId}/end", CONVERSATION, Probe.UNKNOWN_IDS);
        expect("POST /api/v1/audiences/{audienceId}/end-and-hide", HOLDER, Probe.UNKNOWN_IDS);
        // The customer's own routes check their body before the token: a valid one reaches the check.
        expect("POST /api/v1/audiences/{audienceId}/rating", EnumSet.of(Caller.CUSTOMER), Probe.UNKNOWN_IDS,
                "{\"rating\":1}", "");
        expect("POST /api/v1/audiences/{audienceId}/post-answers", EnumSet.of(Caller.CUSTOMER), Probe.UNKNOWN_IDS,
                "{\"answers\":{\"topic\":\"probe\"}}", "");
        expect("PUT /api/v1/audiences/{audienceId}/metadata", EnumSet.of(Caller.CUSTOMER), Probe.UNKNOWN_IDS,
                "{\"metadata\":{\"probe\":\"yes\"}}", "");
        expect("POST /api/v1/audiences/{audienceId}/transfer", HOLDER, Probe.UNKNOWN_IDS,
                "{\"queueId\":\"{queueId}\"}", "");
        expect("GET /api/v1/audiences/{audienceId}/transfer-targets", HOLDER, Probe.READ);
        expect("GET /api/v1/audiences/{audienceId}/customer", HOLDER, Probe.READ);
        expect("POST /api/v1/audiences/{audienceId}/attachments", CONVERSATION, Probe.UNKNOWN_IDS, "{}",
                "?clientMessageId=matrix-probe&name=probe.txt");
        // Operators read any attachment of their organization (their transcripts show them)
        expect("GET /api/v1/audiences/{audienceId}/attachments/{attachmentId}",
                with(CONVERSATION, Caller.OPERATOR, Caller.OWNER), Probe.READ);
        expect("GET /api/v1/audiences/{audienceId}/attachments/{attachmentId}/thumbnail",
                with(CONVERSATION, Caller.OPERATOR, Caller.OWNER), Probe.READ);
        expect("GET /api/v1/audiences/{audienceId}/tags", HOLDER, Probe.READ);
        expect("PUT /api/v1/audiences/{audienceId}/tags", HOLDER, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/audiences/{audienceId}/notes", HOLDER, Probe.READ);
        expect("PUT /api/v1/audiences/{audienceId}/notes", HOLDER, Probe.UNKNOWN_IDS);
        // History: operators and transcript keys
        expect("GET /api/v1/audiences", with(OPERATORS, Caller.TRANSCRIPTS_KEY), Probe.READ);
        expect("GET /api/v1/audiences/{audienceId}/transcript", with(OPERATORS_HERE, Caller.TRANSCRIPTS_KEY), Probe.READ);
        expect("GET /api/v1/audiences/{audienceId}/transcript/readings", with(OPERATORS_HERE, Caller.TRANSCRIPTS_KEY),
                Probe.READ);
        // Statistics: operators and statistics keys (the period is checked first, so every request names one)
        String period = "?from=2026-01-01&to=2026-12-31";
        for (String part : List.of("", "/tags", "/agents", "/audiences")) {
            expect("GET /api/v1/statistics" + part, with(OPERATORS, Caller.STATISTICS_KEY), Probe.READ, "{}", period);
            expect("GET /api/v1/queues/{queueId}/statistics" + part, with(OPERATORS_HERE, Caller.STATISTICS_KEY),
                    Probe.READ, "{}", period);
        }
        // Canned messages: every agent has their own; the organization's are the operators'
        expect("GET /api/v1/canned-messages", ANY_AGENT, Probe.READ);
        expect("POST /api/v1/canned-messages", ANY_AGENT, Probe.INVALID_BODY);
        expect("PUT /api/v1/canned-messages/{id}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("DELETE /api/v1/canned-messages/{id}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        // Tags: agents read the tree; operators manage tags and their rules
        expect("GET /api/v1/tags", ANY_AGENT, Probe.READ);
        expect("POST /api/v1/tags", OPERATORS, Probe.INVALID_BODY);
        expect("PUT /api/v1/tags/{tagId}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("DELETE /api/v1/tags/{tagId}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/tag-rules", OPERATORS, Probe.READ);
        expect("POST /api/v1/tag-rules", OPERATORS, Probe.INVALID_BODY);
        expect("DELETE /api/v1/tag-rules/{ruleId}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        // Sites: operators and queue-managing keys; the widget reads a site's public view without credentials
        expect("GET /api/v1/sites", queueManagersAnywhere, Probe.READ);
        expect("POST /api/v1/sites", queueManagersAnywhere, Probe.INVALID_BODY);
        expect("GET /api/v1/sites/{siteKey}", with(queueManagers, Caller.ANONYMOUS, Caller.UNKNOWN_AGENT_TOKEN,
                Caller.CUSTOMER, Caller.OTHER_CUSTOMER), Probe.READ);
        expect("PUT /api/v1/sites/{siteKey}", queueManagers, Probe.UNKNOWN_IDS);
        expect("DELETE /api/v1/sites/{siteKey}", queueManagers, Probe.UNKNOWN_IDS);
        // Webhooks: operators
        expect("POST /api/v1/webhooks", OPERATORS, Probe.INVALID_BODY);
        expect("GET /api/v1/webhooks", OPERATORS, Probe.READ);
        expect("GET /api/v1/webhooks/{id}", OPERATORS_HERE, Probe.READ);
        expect("PUT /api/v1/webhooks/{id}/enabled", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("DELETE /api/v1/webhooks/{id}", OPERATORS_HERE, Probe.UNKNOWN_IDS);
        expect("GET /api/v1/webhooks/{id}/deliveries", OPERATORS_HERE, Probe.READ);
        expect("POST /api/v1/webhooks/{id}/test", OPERATORS_HERE, Probe.UNKNOWN_IDS);
    }

    private static void expect(String route, Set<Caller> allowed, Probe probe) {
        expect(route, allowed, probe, "{}", "");
    }

    private static void expect(String route, Set<Caller> allowed, Probe probe, String body, String query) {
        if (EXPECTED.put(route, new Expectation(EnumSet.copyOf(allowed), probe, body, query)) != null) {
            throw new IllegalStateException(route + " twice");
        }
    }

    private static Set<Caller> with(Set<Caller> callers, Caller... more) {
        Set<Caller> all = EnumSet.copyOf(callers);
        all.addAll(List.of(more));
        return all;
    }

    /** Built once: every test of the class uses the same two organizations. */
    private static Fixture fixture;

    private Api api;

    @BeforeEach
    void organizations() throws IOException {
        api = api();
        if (fixture == null) {
            long started = System.nanoTime();
            fixture = new Fixture(api);
            System.out.printf("Authorization matrix: fixture built in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }

    @Test
    void theTableNamesExactlyTheRoutesOfTheWar() throws Exception {
        assertEquals(WarInventory.routes(), EXPECTED.keySet(), "a route without an expectation (or an expectation"
                + " without a route): add its line to the table");
        List<String> leaks = new ArrayList<>();
        EXPECTED.forEach((route, expectation) -> {
            if (route.contains("{") && !expectation.allowed().contains(Caller.ANONYMOUS)
                    && (expectation.allowed().contains(Caller.OTHER_OWNER)
                    || expectation.allowed().contains(Caller.OTHER_CUSTOMER))) {
                leaks.add(route);
            }
        });
        assertEquals(List.of(), leaks, "another organization's callers never reach the first one's ids"
                + " (unless anyone may, without credentials)");
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() throws Exception {
        long started = System.nanoTime();
        // Nothing a check does changes what another one sees, so they run side by side (reported in table order).
        List<Future<String>> checks = new ArrayList<>();
        for (Map.Entry<String, Expectation> entry : EXPECTED.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            Expectation expectation = entry.getValue();
            for (Caller caller : Caller.values()) {
                checks.add(CHECKERS.submit(() -> {
                    String got = expectation.allowed().contains(caller)
                            ? allowed(method, template, expectation, caller)
                            : refused(method, template, expectation, caller);
                    return got == null ? null : entry.getKey() + " as " + caller + ": " + got;
                }));
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (Future<String> check : checks) {
            String mismatch = check.get(2, TimeUnit.MINUTES);
            if (mismatch != null) {
                mismatches.add(mismatch);
            }
        }
        System.out.printf("Authorization matrix: %d routes x %d callers = %d checks, %d mismatches, %d s%n",
                EXPECTED.size(), Caller.values().length, checks.size(), mismatches.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertEquals("", String.join("\n", mismatches), mismatches.size() + " of " + checks.size() + " checks");
    }

    private static final ExecutorService CHECKERS = Executors.newFixedThreadPool(4);

    /** Null when the caller was refused as they should be; otherwise what happened. */
    private String refused(String method, String template, Expectation expectation, Caller caller) {
        Answer answer = send(method, fixture.fill(template + expectation.query(), false), caller,
                hasBody(method) ? fixture.fill(expectation.body(), false) : null);
        boolean refusal = answer.status() == 401 || answer.status() == 403 || answer.status() == 404;
        if (refusal && answer.isProblem()) {
            return null;
        }
        return "expected a refusal (401/403/404 problem+json), got " + answer;
    }

    private String allowed(String method, String template, Expectation expectation, Caller caller) {
        Answer answer;
        switch (expectation.probe()) {
            case READ, NO_CHANGE, CREATES -> {
                answer = send(method, fixture.fill(template + expectation.query(), false), caller,
                        hasBody(method) ? fixture.fill(expectation.body(), false) : null);
                return answer.status() / 100 == 2 ? null : "expected 2xx, got " + answer;
            }
            case UNKNOWN_IDS -> {
                answer = send(method, fixture.fill(template + expectation.query(), true), caller,
                        hasBody(method) ? fixture.fill(expectation.body(), true) : null);
                return answer.status() == 404 && answer.isProblem() ? null
                        : "expected 404 for ids that do not exist (past the role check), got " + answer;
            }
            case INVALID_BODY -> {
                answer = send(method, fixture.fill(template + expectation.query(), false), caller, expectation.body());
                return answer.status() == 400 && answer.isProblem() ? null
                        : "expected 400 for an invalid body (past the role check), got " + answer;
            }
            case OWN_FRESH_SESSION -> {
                answer = sendWithToken(method, fixture.fill(template, false), fixture.freshToken(caller), null);
                return answer.status() / 100 == 2 ? null : "expected 2xx, got " + answer;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            boolean text = contentType.isEmpty() || contentType.contains("json") || contentType.startsWith("text/");
            String shown = !text ? "(" + body.length() + " characters)"
                    : body.length() > 160 ? body.substring(0, 160) + "..." : body;
            return status + " " + contentType + " " + shown;
        }
    }

    private Answer send(String method, String path, Caller caller, String body) {
        return sendWithToken(method, path, fixture.tokens.get(caller), body);
    }

    private Answer sendWithToken(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, */*;q=0.1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The table fills a route's ids from one organization. Here another organization's owner names
     * their own objects in the path and the first organization's in the body: nothing may tie them
     * together (or let a key act as someone else's agent).
     */
    @Test
    void nobodyTiesAnotherOrganizationsObjectsToTheirOwn() {
        String owner = fixture.tokens.get(Caller.OTHER_OWNER);
        String theirQueue = "api/v1/queues/" + fixture.otherQueue.id();
        Map<String, Api.Reply> answers = new LinkedHashMap<>();
        answers.put("their queue, our agent as a member",
                api.put(theirQueue + "/members/" + fixture.member.id(), owner, null));
        answers.put("their queue transferring to ours", api.putJson(theirQueue + "/settings", owner,
                "{\"transferQueueIds\":[\"" + fixture.queue.id() + "\"]}"));
        answers.put("their tag rule with our tag", api.post("api/v1/tag-rules", owner,
                new TagRuleRequest(fixture.otherQueue.id(), "topic", "x", fixture.ids.get("tagId"))));
        answers.put("their site offering our queue", api.post("api/v1/sites", owner, new SiteConfiguration(null, null,
                "Theirs", "en", Map.of(), List.of(), List.of(), List.of(fixture.queue.id()), null, true, true, false,
                List.of())));
        answers.put("their key acting as our agent", api.post("api/v1/api-keys", owner,
                new ApiKeyRequest("Borrowed", List.of("ACT_AS_AGENT"), fixture.member.id())));
        List<String> accepted = new ArrayList<>();
        answers.forEach((what, answer) -> {
            if (answer.status() / 100 != 4 || !answer.contentType().startsWith("application/problem+json")) {
                accepted.add(what + ": " + answer.status() + " " + answer.body());
            }
        });
        assertEquals(List.of(), accepted);
    }

    // --- pages ---

    /** Staff roles of the pages' matrix; customers and keys have no pages. */
    enum Visitor { ANONYMOUS, AGENT, OPERATOR, OWNER, OTHER_OPERATOR }

    @Test
    void everyPageLetsInOnlyTheRolesItIsFor() throws Exception {
        long started = System.nanoTime();
        Map<Visitor, String> usernames = new EnumMap<>(Visitor.class);
        usernames.put(Visitor.AGENT, fixture.member.username());
        usernames.put(Visitor.OPERATOR, fixture.operator.username());
        usernames.put(Visitor.OWNER, fixture.organization.ownerUsername());
        usernames.put(Visitor.OTHER_OPERATOR, fixture.otherOperator.username());
        Set<String> protectedViews = WarInventory.protectedViews();
        assertTrue(protectedViews.contains("admin/transcript.xhtml"), "the protected views are read: " + protectedViews);
        List<Future<List<String>>> visits = new ArrayList<>();
        for (Visitor visitor : Visitor.values()) {
            visits.add(CHECKERS.submit(() -> {
                HttpClient browser = visitor == Visitor.ANONYMOUS ? browser() : signedIn(usernames.get(visitor));
                List<String> mismatches = new ArrayList<>();
                for (String page : WarInventory.pages()) {
                    HttpResponse<String> answer = browser.send(get(page), HttpResponse.BodyHandlers.ofString());
                    String mismatch = pageMismatch(page, protectedViews.contains(page), visitor, answer);
                    if (mismatch != null) {
                        mismatches.add(mismatch);
                    }
                }
                return mismatches;
            }));
        }
        List<String> mismatches = new ArrayList<>();
        for (Future<List<String>> visit : visits) {
            mismatches.addAll(visit.get(2, TimeUnit.MINUTES));
        }
        System.out.printf("Authorization matrix, pages: %d pages x %d visitors, %d mismatches, %d s%n",
                WarInventory.pages().size(), Visitor.values().length, mismatches.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertEquals("", String.join("\n", mismatches));
    }

    private static String pageMismatch(String page, boolean protectedView, Visitor visitor,
                                       HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        boolean redirected = answer.statusCode() / 100 == 3;
        boolean toSignIn = redirected && location.contains("/signin.xhtml");
        boolean linkRefused = redirected && location.contains("/link-refused.xhtml");
        boolean shown = answer.statusCode() == 200 || (redirected && !toSignIn && !linkRefused);
        String expected;
        boolean ok;
        if (!page.startsWith("desk/") && !page.startsWith("admin/")) {
            expected = "shown or redirected (a public page)";
            ok = answer.statusCode() == 200 || redirected;
        } else if (visitor == Visitor.ANONYMOUS) {
            expected = "redirected to the sign-in page";
            ok = toSignIn;
        } else if (page.startsWith("admin/") && visitor == Visitor.AGENT) {
            expected = "403";
            ok = answer.statusCode() == 403;
        } else if (protectedView) {
            expected = "refused without the application's link token (to the link-refused page)";
            ok = linkRefused;
        } else {
            expected = "shown";
            ok = shown;
        }
        return ok ? null : page + " as " + visitor + ": expected " + expected + ", got " + answer.statusCode() + " "
                + location;
    }

    @Test
    void operatorsSeeTheOwnersControlsOnlyDisabled() throws Exception {
        HttpClient operator = signedIn(fixture.operator.username());
        HttpClient owner = signedIn(fixture.organization.ownerUsername());
        String asOperator = operator.send(get("admin/master-keys.xhtml"), HttpResponse.BodyHandlers.ofString()).body();
        String asOwner = owner.send(get("admin/master-keys.xhtml"), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(createKeyButton(asOperator).contains("disabled"), "an operator cannot create master keys");
        assertFalse(createKeyButton(asOwner).contains("disabled"), "the owner can");
        assertTrue(operator.send(get("admin/organization.xhtml"), HttpResponse.BodyHandlers.ofString()).body()
                .contains("id=\"ownerOnly\""), "the organization's settings are the owner's");
        assertFalse(owner.send(get("admin/organization.xhtml"), HttpResponse.BodyHandlers.ofString()).body()
                .contains("id=\"ownerOnly\""));
    }

    /**
     * Pages that name an object by a query parameter show nothing of it to another organization's
     * operator, or to a colleague outside its queue: the customer's words and the queue's name never appear.
     */
    @Test
    void pagesNamingAnotherOrganizationsObjectsShowNothingOfThem() throws Exception {
        Map<String, HttpClient> visitors = new LinkedHashMap<>();
        visitors.put("another organization's operator", signedIn(fixture.otherOperator.username()));
        visitors.put("an agent outside the queue", signedIn(fixture.nonMember.username()));
        List<String> pages = List.of("desk/conversation.xhtml?id=" + fixture.audience.audienceId(),
                "desk/queue.xhtml?id=" + fixture.queue.id(), "admin/transcript.xhtml?audience=" + fixture.audience.audienceId(),
                "admin/schedule.xhtml?queue=" + fixture.queue.id(), "admin/statistics.xhtml?queue=" + fixture.queue.id(),
                "admin/queues.xhtml?edit=" + fixture.queue.id());
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, HttpClient> visitor : visitors.entrySet()) {
            for (String page : pages) {
                HttpResponse<String> answer = visitor.getValue().send(get(page), HttpResponse.BodyHandlers.ofString());
                if (answer.body().contains(fixture.secret) || answer.body().contains(fixture.queue.name())) {
                    leaks.add(page + " as " + visitor.getKey() + " (" + answer.statusCode() + ")");
                }
            }
        }
        assertEquals(List.of(), leaks);
        HttpResponse<String> holder = signedIn(fixture.member.username()).send(
                get("desk/conversation.xhtml?id=" + fixture.audience.audienceId()), HttpResponse.BodyHandlers.ofString());
        assertTrue(holder.body().contains(fixture.secret), "the check can fail: the holder sees the customer's words");
    }

    private static String createKeyButton(String page) {
        Matcher button = Pattern.compile("<button[^>]*id=\"[^\"]*createKey\"[^>]*>").matcher(page);
        assertTrue(button.find(), "the create button is on the page");
        return button.group();
    }

    private HttpRequest get(String page) {
        return HttpRequest.newBuilder(api.base().resolve(page)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static final Map<String, HttpClient> SIGNED_IN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A browser signed in through the sign-in form, kept for the class's other tests (signing in hashes a password). */
    private HttpClient signedIn(String username) throws Exception {
        HttpClient browser = SIGNED_IN.get(username);
        if (browser == null) {
            browser = signIn(username);
            SIGNED_IN.put(username, browser);
        }
        return browser;
    }

    /** Signs in through the sign-in form (a non-Ajax post with the view state); the browser does not follow redirects. */
    private HttpClient signIn(String username) throws Exception {
        HttpClient browser = browser();
        String form = browser.send(get("signin.xhtml"), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(FacesForms.signIn(api.base(), form, username), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, browser.send(get("desk/index.xhtml"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                username + " is signed in");
        return browser;
    }

    // --- sockets ---

    @Test
    void theChatSocketTakesNoApiKeyAndNoOneElsesAudience() throws Exception {
        try (ChatSocket key = ChatSocket.connect(api)) {
            key.send(Json.createObjectBuilder().add("type", "auth").add("token", fixture.tokens.get(Caller.AGENT_KEY)).build());
            assertEquals("error", key.next().getString("type"), "an API key is no socket credential");
            assertEquals(1008, key.awaitClose());
        }
        String audienceId = fixture.audience.audienceId();
        try (ChatSocket outsider = ChatSocket.authenticated(api, fixture.tokens.get(Caller.OTHER_OWNER));
             ChatSocket colleague = ChatSocket.authenticated(api, fixture.tokens.get(Caller.NON_MEMBER));
             ChatSocket otherCustomer = ChatSocket.authenticated(api,
                     api.request(fixture.otherQueue.id(), "Other", "Hi").customerToken())) {
            outsider.sendMessage(audienceId, "intrude-1", "intruder " + fixture.secret);
            assertEquals("audience_not_found", outsider.next("error").getString("code"));
            outsider.send(Json.createObjectBuilder().add("type", "resume").add("audienceId", audienceId).add("since", 0).build());
            assertEquals("audience_not_found", outsider.next("error").getString("code"));
            colleague.sendMessage(audienceId, "intrude-2", "intruder " + fixture.secret);
            assertEquals("error", colleague.next("error").getString("type"));
            colleague.send(Json.createObjectBuilder().add("type", "resume").add("audienceId", audienceId).add("since", 0).build());
            assertEquals("error", colleague.next("error").getString("type"), "a colleague outside the queue reads nothing");
            // A customer's frames name no audience: naming another one lands in the customer's own.
            otherCustomer.sendMessage(audienceId, "intrude-3", "intruder " + fixture.secret);
            assertNotEquals(audienceId, otherCustomer.until("message").getString("audienceId"));
        }
        List<MessageResponse> messages = api.get("api/v1/audiences/" + audienceId + "/messages", fixture.member.token())
                .expect(200).asList(MessageResponse.class);
        assertFalse(messages.stream().anyMatch(m -> m.text() != null && m.text().startsWith("intruder")),
                "nothing of the intruders reached the audience");
    }

    @Test
    void theDeskSocketOpensOnlyForASignedInAgentFromTheDesk() throws Exception {
        URI signals = URI.create("ws://" + api.base().getAuthority() + api.base().getPath() + "desk/signals");
        String origin = "http://" + api.base().getAuthority();
        assertRefusedHandshake(signals, Map.of("Origin", origin), "no session");
        assertRefusedHandshake(signals, Map.of("Origin", origin, "Authorization", "Bearer " + fixture.member.token()),
                "an API bearer token is no desk session");
        assertRefusedHandshake(signals, Map.of("Origin", origin, "Authorization", "Bearer "
                + fixture.tokens.get(Caller.AGENT_KEY)), "nor is an API key");
        String agentSession = sessionCookie(signedIn(fixture.member.username()));
        assertRefusedHandshake(signals, Map.of("Origin", "http://attacker.example", "Cookie", agentSession),
                "another site's page");
        assertEquals(1008, closeCode(URI.create(signals + "?watch=dashboard"), Map.of("Origin", origin, "Cookie", agentSession)),
                "the live dashboard is the operators'");
        String operatorSession = sessionCookie(signedIn(fixture.operator.username()));
        assertEquals(-1, closeCode(URI.create(signals + "?watch=dashboard"), Map.of("Origin", origin, "Cookie",
                operatorSession)), "the check can fail: an operator watches the dashboard");
    }

    private static void assertRefusedHandshake(URI uri, Map<String, String> headers, String why) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        assertThrows(CompletionException.class, () -> builder.buildAsync(uri, new WebSocket.Listener() {
        }).join().abort(), why);
    }

    /** The close code the server sends within a few seconds of the opening, or -1 when it keeps the socket open. */
    private static int closeCode(URI uri, Map<String, String> headers) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).join();
        try {
            return closed.get(3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException open) {
            return -1;
        } finally {
            socket.abort();
        }
    }

    private static String sessionCookie(HttpClient browser) {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return session.getName() + "=" + session.getValue();
    }

    // --- the fixture ---

    /**
     * The first organization: its owner, an operator, an agent who is a member of queue Q and holds
     * the customer's audience in it, an agent of no queue, keys of every scope, and one of each object
     * the routes name; the second organization: its owner and a customer waiting in its own queue.
     */
    static final class Fixture {

        final Api api;
        final Api.Organization organization;
        final Api.Agent operator;
        final Api.Agent member;
        final Api.Agent nonMember;
        final Api.Agent spareMember;
        final Api.Agent otherOperator;
        final QueueResponse queue;
        final QueueResponse otherQueue;
        final CustomerRequestResponse audience;
        final String secret = Api.unique("secret");
        final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        final Map<Caller, String> usernames = new EnumMap<>(Caller.class);
        final Map<String, String> ids = new LinkedHashMap<>();

        Fixture(Api api) throws IOException {
            this.api = api;
            organization = api.signUp();
            String owner = organization.ownerToken();
            operator = api.operator(organization);
            member = api.agent(organization);
            nonMember = api.agent(organization);
            spareMember = api.agent(organization);
            // Created by hand so that the owner is not a member: members and operators are different rights.
            queue = api.post("api/v1/queues", owner, new CreateQueueRequest(Api.unique("queue"), 20)).expect(201)
                    .as(QueueResponse.class);
            for (Api.Agent agent : List.of(member, spareMember)) {
                api.put("api/v1/queues/" + queue.id() + "/members/" + agent.id(), owner, null).expect(200);
            }
            api.post("api/v1/queues/" + queue.id() + "/open", owner, null).expect(200);
            audience = api.request(queue.id(), "Customer " + secret, "Hello " + secret);
            api.post("api/v1/queues/" + queue.id() + "/pick", member.token(), null).expect(200);
            String attachment = upload(audience.audienceId(), member.token());

            Api.Organization other = api.signUp();
            otherOperator = api.operator(other);
            otherQueue = api.openQueue(other, 20);
            CustomerRequestResponse otherCustomer = api.request(otherQueue.id(), "Other", "Hi");

            tokens.put(Caller.UNKNOWN_AGENT_TOKEN, "cqa_" + "A".repeat(43));
            tokens.put(Caller.WRONG_API_KEY, "cqk_" + "A".repeat(43));
            tokens.put(Caller.CUSTOMER, audience.customerToken());
            tokens.put(Caller.MEMBER, member.token());
            tokens.put(Caller.NON_MEMBER, nonMember.token());
            tokens.put(Caller.OPERATOR, operator.token());
            tokens.put(Caller.OWNER, owner);
            tokens.put(Caller.STATISTICS_KEY, key(owner, "READ_STATISTICS", null).key());
            tokens.put(Caller.TRANSCRIPTS_KEY, key(owner, "READ_TRANSCRIPTS", null).key());
            tokens.put(Caller.QUEUES_KEY, key(owner, "MANAGE_QUEUES", null).key());
            tokens.put(Caller.AGENT_KEY, key(owner, "ACT_AS_AGENT", member.id()).key());
            tokens.put(Caller.OTHER_OWNER, other.ownerToken());
            tokens.put(Caller.OTHER_CUSTOMER, otherCustomer.customerToken());
            usernames.put(Caller.MEMBER, member.username());
            usernames.put(Caller.NON_MEMBER, nonMember.username());
            usernames.put(Caller.OPERATOR, operator.username());
            usernames.put(Caller.OWNER, organization.ownerUsername());
            usernames.put(Caller.OTHER_OWNER, other.ownerUsername());

            TagResponse tag = api.post("api/v1/tags", owner, new TagRequest(Api.unique("tag"), "#2563eb", null))
                    .expect(201).as(TagResponse.class);
            TagRuleResponse rule = api.post("api/v1/tag-rules", owner,
                    new TagRuleRequest(queue.id(), "topic", "billing", tag.id())).expect(201).as(TagRuleResponse.class);
            CannedMessageResponse canned = api.post("api/v1/canned-messages", owner,
                    new CannedMessageRequest("matrix", "Hello from the organization", "organization"))
                    .expect(201).as(CannedMessageResponse.class);
            NewWebhookSubscriptionResponse webhook = api.post("api/v1/webhooks", owner, new WebhookSubscriptionRequest(
                    "http://127.0.0.1:9/matrix", List.of("audience.finished"))).expect(201)
                    .as(NewWebhookSubscriptionResponse.class);
            SiteConfiguration site = api.post("api/v1/sites", owner, new SiteConfiguration(null, null, "Matrix", "en",
                    Map.of(), List.of(), List.of(), List.of(queue.id()), null, true, true, false, List.of()))
                    .expect(201).as(SiteConfiguration.class);
            ContactResponse contact = api.post("api/v1/queues/" + queue.id() + "/contacts", null,
                    new ContactRequest("Contact", "contact@example.com", null, "Call me", Map.of()))
                    .expect(201).as(ContactResponse.class);
            NewMasterKeyResponse masterKey = api.post("api/v1/master-keys", owner, null).expect(201)
                    .as(NewMasterKeyResponse.class);
            // Revoking it would be harmless; a key nobody uses, so a wrongly allowed revocation breaks nothing else.
            NewApiKeyResponse spareKey = key(owner, "READ_STATISTICS", null);

            ids.put("queueId", queue.id());
            ids.put("agentId", spareMember.id());
            ids.put("audienceId", audience.audienceId());
            ids.put("attachmentId", attachment);
            ids.put("organizationId", organization.id());
            ids.put("contactId", contact.id());
            ids.put("tagId", tag.id());
            ids.put("ruleId", rule.id());
            ids.put("siteKey", site.siteKey());
            ids.put("/api/v1/api-keys/{keyId}", spareKey.keyId());
            ids.put("/api/v1/master-keys/{keyId}", masterKey.keyId());
            ids.put("/api/v1/canned-messages/{id}", canned.id());
            ids.put("/api/v1/webhooks/{id}", webhook.subscription().id());
        }

        private NewApiKeyResponse key(String owner, String scope, String agentId) {
            return api.post("api/v1/api-keys", owner, new ApiKeyRequest("matrix " + scope, List.of(scope), agentId))
                    .expect(201).as(NewApiKeyResponse.class);
        }

        /** A small PNG from the holder, so that the file and its thumbnail exist. */
        private String upload(String audienceId, String token) throws IOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
            HttpRequest request = HttpRequest.newBuilder(api.base().resolve("api/v1/audiences/" + audienceId
                            + "/attachments?clientMessageId=matrix-file&name=matrix.png"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "image/png")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build();
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(201, answer.statusCode(), answer.body());
                return api.get("api/v1/audiences/" + audienceId + "/messages", token).expect(200)
                        .asList(MessageResponse.class).stream().filter(m -> m.attachment() != null)
                        .findFirst().orElseThrow().attachment().id();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The route's path with this organization's ids, or with ids that exist nowhere. */
        String fill(String template, boolean unknown) {
            Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                String prefix = template.substring(0, parameter.end());
                String id = ids.containsKey(prefix) ? ids.get(prefix) : ids.get(parameter.group(1));
                if (id == null) {
                    throw new IllegalStateException("no id for " + parameter.group() + " in " + template);
                }
                parameter.appendReplacement(path, Matcher.quoteReplacement(unknown ? "no-such-" + parameter.group(1) : id));
            }
            parameter.appendTail(path);
            return path.toString();
        }

        /** A session of its own for a caller to end (an agent key ends nothing: it is no session). */
        String freshToken(Caller caller) {
            return usernames.containsKey(caller) ? api.signIn(usernames.get(caller)) : tokens.get(caller);
        }
    }
}
