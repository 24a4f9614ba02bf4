package org.carequeue.web.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.message.GroupCommit;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat sockets' messages sent at the same time commit together (GroupCommit): each is acknowledged
 * with its own seq, none is lost or stored twice, and a bad one in a batch, or one whose audience
 * another transaction holds, costs the others nothing. The node's batch-size histogram shows that
 * batches of more than one formed.
 */
class GroupCommitIT extends AgainstBuiltWar {

    private static final String BATCH_SIZE = "carequeue_message_batch_size";
    private static final String BATCH_FAILURES = "carequeue_message_batch_failures_total";
    private static final int CUSTOMERS = 16;

    Api api;
    Api.Agent agent;
    Api.Agent colleague;
    QueueResponse queue;
    ExecutorService senders = Executors.newFixedThreadPool(24);

    @BeforeEach
    void aQueue() {
        api = api();
        Api.Organization organization = api.signUp();
        agent = api.agent(organization);
        colleague = api.agent(organization);
        queue = api.openQueue(organization, 50, agent, colleague);
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void messagesSentTogetherCommitTogetherEachAckedInOrderAndABadOneCostsTheOthersNothing() throws Exception {
        int perCustomer = 15;
        List<CustomerRequestResponse> customers = IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> api.request(queue.id(), "Customer " + i, null)).toList();
        double[] before = batchFigures();

        CyclicBarrier start = new CyclicBarrier(CUSTOMERS);
        List<Future<List<JsonObject>>> answers = new ArrayList<>();
        for (CustomerRequestResponse customer : customers) {
            answers.add(senders.submit(() -> {
                try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
                    start.await(30, TimeUnit.SECONDS);
                    List<JsonObject> answered = new ArrayList<>();
                    for (int i = 0; i < perCustomer; i++) {
                        // Every fifth id is reserved for CareQueue: refused, left out of its batch and answered alone.
                        String id = (i % 5 == 4 ? "carequeue:" : "m-") + i;
                        socket.sendMessage(id, "Message " + i);
                        answered.add(answerTo(socket, id));
                    }
                    return answered;
                }
            }));
        }

        int stored = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            List<JsonObject> answered = answers.get(c).get(120, TimeUnit.SECONDS);
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < perCustomer; i++) {
                JsonObject answer = answered.get(i);
                if (i % 5 == 4) {
                    assertEquals("error", answer.getString("type"), answer.toString());
                    assertEquals("validation_failed", answer.getString("code"));
                } else {
                    assertEquals("sent", answer.getString("type"), answer.toString());
                    seqs.add(answer.getJsonNumber("seq").longValue());
                }
            }
            List<MessageResponse> conversation = conversation(customers.get(c));
            assertEquals(LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs, "acked in order, no gap");
            assertEquals(seqs, conversation.stream().map(MessageResponse::seq).toList());
            assertEquals(IntStream.range(0, perCustomer).filter(i -> i % 5 != 4).mapToObj(i -> "Message " + i).toList(),
                    conversation.stream().map(MessageResponse::text).toList());
            stored += seqs.size();
        }

        double[] after = batchFigures();
        double batches = after[0] - before[0];
        double messages = after[1] - before[1];
        assertEquals(stored, messages, "every stored socket message is counted in one transaction");
        assertTrue(batches < messages, "some transaction stored more than one message: " + batches + " for " + messages);
        assertEquals(before[2], after[2], "a refused message is left out of its batch, which does not fail");
    }

    @Test
    void theSameMessageFromTwoSocketsOfOneCustomerIsStoredOnceWhileOthersSend() throws Exception {
        int count = 10;
        CustomerRequestResponse twice = api.request(queue.id(), "Two tabs", null);
        List<CustomerRequestResponse> others = IntStream.range(0, 8)
                .mapToObj(i -> api.request(queue.id(), "Other " + i, null)).toList();
        double[] before = batchFigures();

        CyclicBarrier start = new CyclicBarrier(2 + others.size());
        List<Future<List<JsonObject>>> tabs = List.of(
                senders.submit(sending(twice, "same-", count, start)),
                senders.submit(sending(twice, "same-", count, start)));
        List<Future<List<JsonObject>>> background = others.stream()
                .map(other -> senders.submit(sending(other, "o-", count, start))).toList();

        List<JsonObject> first = tabs.get(0).get(120, TimeUnit.SECONDS);
        List<JsonObject> second = tabs.get(1).get(120, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            assertEquals("sent", first.get(i).getString("type"), first.get(i).toString());
            assertEquals("sent", second.get(i).getString("type"), second.get(i).toString());
            assertEquals(first.get(i).getJsonNumber("seq"), second.get(i).getJsonNumber("seq"), "the same message");
        }
        assertEquals(count, conversation(twice).size());
        for (int o = 0; o < others.size(); o++) {
            assertTrue(background.get(o).get(120, TimeUnit.SECONDS).stream()
                    .allMatch(answer -> "sent".equals(answer.getString("type"))));
            assertEquals(count, conversation(others.get(o)).size());
        }
        double[] after = batchFigures();
        assertTrue(after[0] - before[0] < after[1] - before[1], "batches formed");
        assertEquals(before[2], after[2], "a retried id found by a later batch fails nothing");
    }

    @Test
    void anAgentsAndCustomersMessagesSentTogetherInterleaveWithoutGapsInEachConversationWithRestPostsBetween() throws Exception {
        int count = 10;
        List<CustomerRequestResponse> customers = IntStream.range(0, 6)
                .mapToObj(i -> api.request(queue.id(), "Picked " + i, null)).toList();
        for (CustomerRequestResponse customer : customers) {
            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(),
                    new PickRequest(customer.audienceId())).expect(200);
        }

        double[] before = batchFigures();
        CyclicBarrier start = new CyclicBarrier(3 * customers.size());
        List<Future<List<JsonObject>>> fromCustomers = new ArrayList<>();
        List<Future<List<JsonObject>>> fromAgent = new ArrayList<>();
        List<Future<?>> overRest = new ArrayList<>();
        for (CustomerRequestResponse customer : customers) {
            // Single posts over REST lock the same audiences between a batch's read and its lock.
            overRest.add(senders.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < count; i++) {
                    api.post("api/v1/audiences/" + customer.audienceId() + "/messages", agent.token(),
                            new PostMessageRequest("r-" + i, "Over REST " + i)).expect(201);
                }
                return null;
            }));
            fromCustomers.add(senders.submit(sending(customer, "c-", count, start)));
            // One desk socket per conversation, all with the agent's token, so the agent's posts go in batches too.
            fromAgent.add(senders.submit(sendingFromDesk(agent, customer, "a-", count, start)));
        }

        for (int c = 0; c < customers.size(); c++) {
            overRest.get(c).get(120, TimeUnit.SECONDS);
            List<JsonObject> acks = new ArrayList<>(fromCustomers.get(c).get(120, TimeUnit.SECONDS));
            acks.addAll(fromAgent.get(c).get(120, TimeUnit.SECONDS));
            assertTrue(acks.stream().allMatch(answer -> "sent".equals(answer.getString("type"))), acks.toString());
            List<MessageResponse> conversation = conversation(customers.get(c));
            assertEquals(LongStream.rangeClosed(1, 3L * count).boxed().toList(),
                    conversation.stream().map(MessageResponse::seq).toList(), "one seq each, no gap");
            List<Long> socketSeqs = conversation.stream().filter(m -> !m.clientMessageId().startsWith("r-"))
                    .map(MessageResponse::seq).toList();
            assertEquals(acks.stream().map(answer -> answer.getJsonNumber("seq").longValue()).sorted().toList(),
                    socketSeqs, "each acked with the seq it is stored with");
            assertEquals(2 * count, conversation.stream().filter(m -> "agent".equals(m.from().role())).count());
            assertEquals(agent.name(), conversation.stream().filter(m -> "agent".equals(m.from().role()))
                    .findFirst().orElseThrow().from().name());
        }
        double[] after = batchFigures();
        assertTrue(after[0] - before[0] < after[1] - before[1], "batches formed");
        assertEquals(before[2], after[2], "no batch with the agent's posts failed");
    }

    /**
     * A batch reads and locks its audiences with one query whose condition is each sender's right
     * to write: a colleague of the holder, and an agent of another organization, name a
     * conversation they do not hold while its customer writes in it. Neither gets a word in, each
     * is told why, and the customer's messages go on in order.
     */
    @Test
    void agentsWhoDoNotHoldAConversationAreRefusedInTheBatchesWhileItsCustomerWrites() throws Exception {
        int count = 10;
        CustomerRequestResponse customer = api.request(queue.id(), "Picked", null);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(),
                new PickRequest(customer.audienceId())).expect(200);
        Api.Agent stranger = api.agent(api.signUp());
        double[] before = batchFigures();

        CyclicBarrier start = new CyclicBarrier(3);
        Future<List<JsonObject>> fromCustomer = senders.submit(sending(customer, "c-", count, start));
        List<Future<List<JsonObject>>> fromOthers = new ArrayList<>();
        for (Api.Agent other : List.of(colleague, stranger)) {
            fromOthers.add(senders.submit(sendingFromDesk(other, customer, "x-", count, start)));
        }

        assertTrue(fromCustomer.get(120, TimeUnit.SECONDS).stream()
                .allMatch(answer -> "sent".equals(answer.getString("type"))), "the customer's messages are stored");
        List<String> refusals = List.of("not_held_by_you", "audience_not_found");
        for (int o = 0; o < 2; o++) {
            String expected = refusals.get(o);
            assertTrue(fromOthers.get(o).get(120, TimeUnit.SECONDS).stream()
                    .allMatch(answer -> "error".equals(answer.getString("type"))
                            && expected.equals(answer.getString("code"))), expected);
        }
        List<MessageResponse> conversation = conversation(customer);
        assertEquals(IntStream.range(0, count).mapToObj(i -> "c-" + i).toList(),
                conversation.stream().map(MessageResponse::clientMessageId).toList(), "only the customer's, in order");
        assertEquals(LongStream.rangeClosed(1, count).boxed().toList(),
                conversation.stream().map(MessageResponse::seq).toList());
        assertEquals(before[2], batchFigures()[2], "a refused sender is left out of the batch, which does not fail");
    }

    /**
     * As many rows held as there are committers, each held customer's message sent on its own: were
     * a batch to wait for its row, every committer would wait, and the others' messages with them.
     */
    @Test
    void messagesWhoseAudiencesAnotherTransactionHoldsArePostedOnceFreeWhileTheBatchesGoOn() throws Exception {
        int count = 3;
        List<CustomerRequestResponse> held = IntStream.range(0, GroupCommit.COMMITTERS)
                .mapToObj(i -> api.request(queue.id(), "Held " + i, null)).toList();
        List<CustomerRequestResponse> others = IntStream.range(0, 6)
                .mapToObj(i -> api.request(queue.id(), "Other " + i, null)).toList();
        double[] before = batchFigures();

        // Connected first: a customer's socket records them as present on their audience's row.
        List<ChatSocket> heldSockets = held.stream()
                .map(customer -> ChatSocket.authenticated(api, customer.customerToken())).toList();
        try (Connection holder = DatabaseUnderTest.connect()) {
            // Another transaction holds the audiences' rows, as a pick or a file being scaled would.
            holder.setAutoCommit(false);
            for (CustomerRequestResponse customer : held) {
                try (PreparedStatement lock = holder.prepareStatement("select id from audience where id = ? for update")) {
                    lock.setString(1, customer.audienceId());
                    try (ResultSet row = lock.executeQuery()) {
                        assertTrue(row.next());
                    }
                }
            }
            for (ChatSocket heldSocket : heldSockets) {
                // Each in a batch of its own, on an idle committer.
                heldSocket.sendMessage("h-1", "Held message");
                Thread.sleep(300);
            }
            CyclicBarrier start = new CyclicBarrier(others.size());
            List<Future<List<JsonObject>>> background = others.stream()
                    .map(other -> senders.submit(sending(other, "o-", count, start))).toList();
            for (int o = 0; o < others.size(); o++) {
                // Within H2's lock timeout (10 s in the suite): batches that waited for the rows would not get there.
                assertTrue(background.get(o).get(8, TimeUnit.SECONDS).stream()
                        .allMatch(answer -> "sent".equals(answer.getString("type"))), "the others go on");
                assertEquals(count, conversation(others.get(o)).size());
            }
            for (CustomerRequestResponse customer : held) {
                assertEquals(List.of(), conversation(customer), "not stored while its row is held");
            }
            holder.rollback();

            for (ChatSocket heldSocket : heldSockets) {
                JsonObject answer = answerTo(heldSocket, "h-1");
                assertEquals("sent", answer.getString("type"), answer.toString());
                assertEquals(1, answer.getJsonNumber("seq").longValue());
            }
        } finally {
            heldSockets.forEach(ChatSocket::close);
        }
        for (CustomerRequestResponse customer : held) {
            assertEquals(List.of("Held message"), conversation(customer).stream().map(MessageResponse::text).toList());
        }
        assertEquals(before[2], batchFigures()[2], "the held rows are left out of their batches, which do not fail");
    }

    private Callable<List<JsonObject>> sending(CustomerRequestResponse customer, String prefix, int count,
                                               CyclicBarrier start) {
        return () -> {
            try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
                start.await(30, TimeUnit.SECONDS);
                List<JsonObject> answered = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    socket.sendMessage(prefix + i, "Message " + i);
                    answered.add(answerTo(socket, prefix + i));
                }
                return answered;
            }
        };
    }

    /** An agent's desk socket sends into the customer's conversation. */
    private Callable<List<JsonObject>> sendingFromDesk(Api.Agent from, CustomerRequestResponse customer, String prefix,
                                                       int count, CyclicBarrier start) {
        return () -> {
            try (ChatSocket desk = ChatSocket.authenticated(api, from.token())) {
                start.await(30, TimeUnit.SECONDS);
                List<JsonObject> answered = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    desk.sendMessage(customer.audienceId(), prefix + i, "From the desk " + i);
                    answered.add(answerTo(desk, prefix + i));
                }
                return answered;
            }
        };
    }

    /** The sent or error frame for this message, passing over pushes (own messages, positions). */
    private static JsonObject answerTo(ChatSocket socket, String clientMessageId) {
        for (int passed = 0; passed < 500; passed++) {
            JsonObject frame = socket.next();
            String type = frame.getString("type");
            if (("sent".equals(type) || "error".equals(type))
                    && clientMessageId.equals(frame.getString("clientMessageId", null))) {
                return frame;
            }
        }
        throw new AssertionError("No answer to " + clientMessageId + " among the next 500 frames");
    }

    private List<MessageResponse> conversation(CustomerRequestResponse customer) {
        return api.get("api/v1/audiences/" + customer.audienceId() + "/messages?since=0", customer.customerToken())
                .expect(200).asList(MessageResponse.class);
    }

    /** The batch-size histogram's count (transactions) and sum (messages), and the failed batches, on this node. */
    private double[] batchFigures() {
        String metrics = api.get("metrics?scope=application", null, "text/plain").expect(200).body();
        return new double[] {figure(metrics, BATCH_SIZE + "_count"), figure(metrics, BATCH_SIZE + "_sum"),
                figure(metrics, BATCH_FAILURES)};
    }

    /** The figure, or 0 before the node's first socket message registers it. */
    private static double figure(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
