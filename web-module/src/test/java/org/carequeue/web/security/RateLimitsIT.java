package org.carequeue.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.session.SignInRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits at their default numbers, and the sign-in lock-out. The suite's own requests come from
 * 127.0.0.1, which the POM exempts from the limits by address (CAREQUEUE_RATE_LIMIT_EXEMPT); these
 * tests come through a proxy on 127.0.0.2, the suite's trusted proxy, each as a client address of
 * its own in X-Forwarded-For, so no other test's traffic counts against them and theirs against no
 * other. Limits per token hold for every address: each test's tokens are its own. The suite raises
 * the messages per token for the benchmarks' smoke run (the POM's it.messages-per-token).
 */
class RateLimitsIT extends AgainstBuiltWar {

    private TcpProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void throughAProxy() throws IOException {
        proxy = new TcpProxy(api().base().getPort(), InetAddress.getByName("127.0.0.2"));
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void askingForHelpTooOftenFromOneAddressIsRefusedWith429AndRetryAfter() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 500);
        String address = newAddress();
        String body = Api.JSON.toJson(new CustomerRequest("Carl", "Hi", null, null, null));

        int allowed = untilRefused(30, 60, () -> send("POST", "api/v1/queues/" + queue.id() + "/requests", null, body, address));

        assertEquals(allowed, api.get("api/v1/queues/" + queue.id() + "/requests", organization.ownerToken()).expect(200)
                .asList(Object.class).size(), "the refused request waits nowhere");
        assertEquals(201, send("POST", "api/v1/queues/" + queue.id() + "/requests", null, body, newAddress()).statusCode(),
                "another address is not held back");
    }

    @Test
    void aCustomerTokensMessagesAreCountedOverRestAndTheSocketTogether() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        CustomerRequestResponse customer = api.request(queue.id(), "Carl", null);
        String messages = "api/v1/audiences/" + customer.audienceId() + "/messages";
        try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
            int[] sent = {0};
            // From ever new addresses: the token's own count refuses.
            String[] rate = System.getProperty("carequeue.it.messages-per-token", "60/60").split("/");
            int allowed = untilRefused(Integer.parseInt(rate[0]), Integer.parseInt(rate[1]), () -> send("POST", messages, customer.customerToken(),
                    Api.JSON.toJson(new PostMessageRequest("m" + sent[0]++, "message")), newAddress()));

            // Right away over the socket: the same token's count, a second later at most one more.
            for (int i = 0; i < 3; i++) {
                socket.sendMessage("s" + i, "over the socket");
            }
            int acknowledged = 0;
            int refused = 0;
            // Each send is answered by sent or error; queue positions and the echoes of the REST posts pass by.
            for (int frames = 0; acknowledged + refused < 3 && frames < 1_000; frames++) {
                JsonObject answer = socket.next();
                if (answer.getString("type").equals("sent")) {
                    acknowledged++;
                } else if (answer.getString("type").equals("error")) {
                    assertEquals("rate_limited", answer.getString("code"), answer.toString());
                    assertTrue(answer.getString("clientMessageId").startsWith("s"));
                    refused++;
                }
            }
            assertTrue(refused >= 2, refused + " of 3 socket sends refused");
            long stored = 0;
            long since = 0;
            // A page of messages holds 500 at most: read on from the last seq.
            for (int page = 0; page < 100; page++) {
                List<MessageResponse> read = api.get(messages + "?since=" + since, customer.customerToken()).expect(200)
                        .asList(MessageResponse.class);
                if (read.isEmpty()) {
                    break;
                }
                stored += read.stream().filter(m -> m.clientMessageId() != null).count();
                since = read.get(read.size() - 1).seq();
            }
            assertEquals(allowed + acknowledged, stored, "no refused message was stored");
        }
    }

    @Test
    void aTokenUploadsTenFilesAMinute() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 10);
        CustomerRequestResponse customer = api.request(queue.id(), "Carl", null);
        String address = newAddress();
        String uploads = "api/v1/audiences/" + customer.audienceId() + "/attachments?name=note.txt&clientMessageId=f";
        int[] sent = {0};
        untilRefused(10, 60, () -> send("POST", uploads + sent[0]++, customer.customerToken(), "note", address));
    }

    @Test
    void signingInTwentyTimesAMinuteFromOneAddressAndNoMore() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        String address = newAddress();
        // Each a different unknown name: this test is about the address, not the lock-out of a name.
        untilRefused(20, 60, () -> signIn(Api.unique("nobody"), "wrong", address));
        assertRateLimited(signIn(organization.ownerUsername(), Api.PASSWORD, address));
        assertEquals(201, signIn(organization.ownerUsername(), Api.PASSWORD, newAddress()).statusCode());
    }

    @Test
    void tenWrongPasswordsLockTheUsernameWithTheAnswerOfAWrongPassword() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        HttpResponse<String> wrong = null;
        for (int i = 0; i < 10; i++) {
            // From ever new addresses, as a botnet would: the count is the username's, on every node.
            wrong = signIn(agent.username(), "wrong-" + i, newAddress());
            assertEquals(401, wrong.statusCode());
        }

        HttpResponse<String> locked = signIn(agent.username(), Api.PASSWORD, newAddress());

        assertEquals(401, locked.statusCode(), "locked: the right password fails too");
        assertEquals(Api.JSON.fromJson(wrong.body(), Problem.class), Api.JSON.fromJson(locked.body(), Problem.class),
                "the same answer as a wrong password: nothing says the account exists or is locked");
        assertEquals(201, signIn(organization.ownerUsername(), Api.PASSWORD, newAddress()).statusCode(),
                "another username signs in");
        api.get("api/v1/me", agent.token()).expect(200);
    }

    /**
     * Every username typed wrongly, made-up ones too, leaves a count; once it neither locks nor counts
     * any more (its window of 15 minutes passed, or its lock ended) the housekeeping deletes it. The
     * suite's housekeeping runs every 2 s; the test ages the counts in the database.
     */
    @Test
    void failedSignInCountsAreDeletedOnceTheyNoLongerCount() throws Exception {
        String stale = Api.unique("nobody");
        String lockEnded = Api.unique("nobody");
        String counting = Api.unique("nobody");
        String locked = Api.unique("nobody");
        for (String username : List.of(stale, lockEnded, counting, locked)) {
            assertEquals(401, signIn(username, "wrong", newAddress()).statusCode());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DatabaseUnderTest.connect();
             PreparedStatement age = db.prepareStatement("update sign_in_lockout set first_failure_at = ?,"
                     + " locked_until = ? where username = ?")) {
            for (Object[] row : List.of(new Object[] {stale, now.minusMinutes(16), null},
                    new Object[] {lockEnded, null, now.minusMinutes(1)},
                    new Object[] {locked, null, now.plusMinutes(10)})) {
                for (int column = 1; column <= 2; column++) {
                    if (row[column] == null) {
                        age.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        age.setObject(column, row[column]);
                    }
                }
                age.setString(3, (String) row[0]);
                assertEquals(1, age.executeUpdate());
            }
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failureCounts(stale, lockEnded) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertEquals(0, failureCounts(stale, lockEnded), "past their window or lock: deleted");
        assertEquals(2, failureCounts(counting, locked), "still counting or locked: kept");
    }

    private static int failureCounts(String... usernames) throws SQLException {
        try (Connection db = DatabaseUnderTest.connect();
             PreparedStatement count = db.prepareStatement("select count(*) from sign_in_lockout where username = ?")) {
            int rows = 0;
            for (String username : usernames) {
                count.setString(1, username);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    rows += result.getInt(1);
                }
            }
            return rows;
        }
    }

    private HttpResponse<String> signIn(String username, String password, String address) throws Exception {
        return send("POST", "api/v1/sessions", null, Api.JSON.toJson(new SignInRequest(username, password)), address);
    }

    /**
     * Calls until refused (at most 3,000 times): a full bucket of {@code count} lets at least that many
     * through, and no more than it refilled meanwhile ({@code count} per {@code seconds}) besides.
     *
     * @return how many were let through
     */
    private static int untilRefused(int count, int seconds, Call call) throws Exception {
        long start = System.nanoTime();
        for (int allowed = 0; allowed < 3_000; allowed++) {
            HttpResponse<String> answer = call.send();
            if (answer.statusCode() == 429) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                assertRateLimited(answer);
                assertTrue(allowed >= count && allowed <= count + Math.ceil(elapsed * count / seconds) + 1,
                        allowed + " let through in " + elapsed + " s at " + count + " per " + seconds + " s");
                return allowed;
            }
            assertTrue(answer.statusCode() / 100 == 2 || answer.statusCode() == 401, answer.statusCode() + " " + answer.body());
        }
        throw new AssertionError("never refused");
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static void assertRateLimited(HttpResponse<String> refused) {
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("rate_limited", Api.JSON.fromJson(refused.body(), Problem.class).code());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    /** An address of the documentation range no other test uses. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String address)
            throws IOException, InterruptedException {
        URI base = api().base();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxy.port() + base.getPath()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
