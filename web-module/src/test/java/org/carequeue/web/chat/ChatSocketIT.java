package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real WebSocket clients on /api/ws/chat: customers and agents talk, resume and leave. */
class ChatSocketIT extends AgainstBuiltWar {

    Api api;
    Api.Agent agent;
    QueueResponse queue;

    @BeforeEach
    void anOpenQueueWithAnAgent() {
        api = api();
        Api.Organization organization = api.signUp();
        agent = api.agent(organization);
        queue = api.openQueue(organization, 50, agent);
    }

    @Test
    void aCustomerAndAnAgentExchangeMessagesBothWaysWithAcks() {
        CustomerRequestResponse request = api.request(queue.id(), "Carl", "My order is late");
        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken());
             ChatSocket desk = ChatSocket.authenticated(api, agent.token())) {
            assertEquals("customer", customer.ready().getString("role"));
            assertEquals("REQUESTED", customer.ready().getString("state"));
            assertEquals(1, customer.ready().getInt("position"));
            assertEquals("agent", desk.ready().getString("role"));

            pick(request.audienceId());
            JsonObject accepted = customer.next("state");
            assertEquals("ACCEPTED", accepted.getString("state"));
            assertEquals(agent.name(), accepted.getString("agentName"));
            assertEquals("ACCEPTED", desk.next("state").getString("state"));

            customer.sendMessage("c-1", "Any news?");
            Map<String, JsonObject> customerSide = byType(customer.next(), customer.next());
            assertEquals(2, customerSide.get("sent").getInt("seq"), "seq 1 is the request's message");
            assertEquals("c-1", customerSide.get("sent").getString("clientMessageId"));
            JsonObject atDesk = desk.next("message");
            assertEquals("Any news?", atDesk.getString("text"));
            assertEquals("customer", atDesk.getJsonObject("from").getString("role"));
            assertEquals("Carl", atDesk.getJsonObject("from").getString("name"));

            desk.sendMessage(request.audienceId(), "a-1", "It ships today.");
            Map<String, JsonObject> deskSide = byType(desk.next(), desk.next());
            assertEquals(3, deskSide.get("sent").getInt("seq"));
            JsonObject atCustomer = customer.next("message");
            assertEquals("It ships today.", atCustomer.getString("text"));
            assertEquals("agent", atCustomer.getJsonObject("from").getString("role"));
            assertEquals(3, atCustomer.getInt("seq"));
        }
    }

    @Test
    void aCustomerWhoReconnectsWithSinceReceivesExactlyWhatTheyMissed() throws Exception {
        CustomerRequestResponse request = api.request(queue.id(), "Rita", "Hello");
        pick(request.audienceId());
        long lastSeen;
        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken())) {
            customer.sendMessage("r-1", "Are you there?");
            lastSeen = byType(customer.next(), customer.next()).get("sent").getInt("seq");
        }
        for (int i = 1; i <= 3; i++) {
            api.post("api/v1/audiences/" + request.audienceId() + "/messages", agent.token(),
                    new PostMessageRequest("missed-" + i, "Missed " + i)).expect(201);
        }

        try (ChatSocket customer = ChatSocket.authenticated(api, request.customerToken())) {
            assertEquals("ACCEPTED", customer.ready().getString("state"));
            customer.resume(lastSeen);
            List<JsonObject> replayed = List.of(customer.next("message"), customer.next("message"),
                    customer.next("message"));
            assertEquals(List.of(lastSeen + 1, lastSeen + 2, lastSeen + 3),
                    replayed.stream().map(m -> m.getJsonNumber("seq").longValue()).toList());
            assertEquals(List.of("Missed 1", "Missed 2", "Missed 3"),
                    replayed.stream().map(m -> m.getString("text")).toList());
            assertEquals(List.of(), customer.drain(Duration.ofSeconds(1)), "nothing more than what was missed");
        }
    }

    @Test
    void aWaitingCustomerWhoseSocketIsGoneIsDroppedAndTheLogSaysSo() throws Exception {
        CustomerRequestResponse leaving = api.request(queue.id(), "Leaving", null);
        CustomerRequestResponse staying = api.request(queue.id(), "Staying", null);
        ChatSocket.authenticated(api, leaving.customerToken()).close();
        ChatSocket.authenticated(api, staying.customerToken()).close();
        try (ChatSocket back = ChatSocket.authenticated(api, staying.customerToken())) {
            // Watched through the activity log: a customer's own status poll would count as presence.
            // Grace period is 10 s in the ITs and the drop clock ticks every 5 s: wait at most 40 s.
            for (int i = 0; i < 80 && !droppedInLog(leaving); i++) {
                Thread.sleep(500);
            }
            assertTrue(droppedInLog(leaving));
            assertEquals("DROPPED", status(leaving).state());
            assertEquals("REQUESTED", status(staying).state(), "a customer who came back within grace waits on");
            assertEquals(1, status(staying).position());
            JsonObject moved = back.next("queue");
            assertEquals(1, moved.getInt("position"));
        }
        List<QueueLogEntryResponse> log = log();
        assertFalse(log.stream().anyMatch(e -> e.kind().equals("DROPPED") && e.audienceId().equals(staying.audienceId())));
    }

    /**
     * A customer without a socket (an integration over REST) stays in line while they poll their
     * status, and a poll answers at once even while another transaction holds their row, as a
     * heartbeat batch does for all its customers: polls used to queue behind it (up to 1.4 s with
     * 10,000 waiting, docs/benchmarks.md, fourteenth session).
     */
    @Test
    void aCustomerWhoPollsStaysInLineAndAPollNeverWaitsForTheirRow() throws Exception {
        CustomerRequestResponse polling = api.request(queue.id(), "Polling", null);
        CustomerRequestResponse silent = api.request(queue.id(), "Silent", null);
        try (Connection holder = DatabaseUnderTest.connect()) {
            DatabaseUnderTest.holdAudienceRow(holder, polling.audienceId());
            CompletableFuture<AudienceResponse> poll = CompletableFuture.supplyAsync(() -> status(polling));
            assertEquals("REQUESTED", poll.get(5, TimeUnit.SECONDS).state(), "answered while the row is held");
            holder.rollback();
        }
        // Grace period is 10 s in the ITs and the drop clock ticks every 5 s: wait at most 40 s.
        for (int i = 0; i < 20 && !droppedInLog(silent); i++) {
            assertEquals("REQUESTED", status(polling).state());
            Thread.sleep(2_000);
        }
        assertTrue(droppedInLog(silent));
        assertEquals("REQUESTED", status(polling).state(), "polling counts as being present");
        assertEquals(1, status(polling).position());
    }

    @Test
    void customersBehindMoveUpWhenTheFirstIsPicked() {
        CustomerRequestResponse first = api.request(queue.id(), "First", null);
        CustomerRequestResponse second = api.request(queue.id(), "Second", null);
        try (ChatSocket one = ChatSocket.authenticated(api, first.customerToken());
             ChatSocket two = ChatSocket.authenticated(api, second.customerToken())) {
            assertEquals(2, two.ready().getInt("position"));

            pick(null);

            assertEquals("ACCEPTED", one.next("state").getString("state"));
            assertEquals(1, two.next("queue").getInt("position"));
        }
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosed() {
        try (ChatSocket idle = ChatSocket.connect(api)) {
            assertEquals(1008, idle.awaitClose());
        }
    }

    @Test
    void aSocketWithoutValidCredentialsIsRefusedAndClosed() {
        try (ChatSocket stranger = ChatSocket.connect(api)) {
            stranger.sendMessage("x", "let me talk");
            assertEquals("not_authenticated", stranger.next("error").getString("code"));
            assertEquals(1008, stranger.awaitClose());
        }
        try (ChatSocket forger = ChatSocket.connect(api)) {
            forger.send(Json.createObjectBuilder().add("type", "auth").add("token", "cqc_" + "B".repeat(43)).build());
            assertEquals("audience_not_found", forger.next("error").getString("code"));
            assertEquals(1008, forger.awaitClose());
        }
    }

    private List<QueueLogEntryResponse> log() {
        return api.get("api/v1/queues/" + queue.id() + "/log", agent.token()).expect(200)
                .asList(QueueLogEntryResponse.class);
    }

    private boolean droppedInLog(CustomerRequestResponse request) {
        return log().stream().anyMatch(e -> e.kind().equals("DROPPED") && e.audienceId().equals(request.audienceId()));
    }

    private void pick(String audienceId) {
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(),
                audienceId == null ? null : new org.carequeue.api.audience.PickRequest(audienceId)).expect(200);
    }

    private AudienceResponse status(CustomerRequestResponse request) {
        return api.get("api/v1/audiences/" + request.audienceId(), request.customerToken()).expect(200)
                .as(AudienceResponse.class);
    }

    /** Frames that may arrive in either order (the echo of one's own message and its ack), by type. */
    private static Map<String, JsonObject> byType(JsonObject... frames) {
        List<JsonObject> list = new ArrayList<>(List.of(frames));
        list.sort(Comparator.comparing(f -> f.getString("type")));
        return list.stream().collect(Collectors.toMap(f -> f.getString("type"), Function.identity()));
    }
}
