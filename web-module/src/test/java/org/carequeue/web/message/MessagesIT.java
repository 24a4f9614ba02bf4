package org.carequeue.web.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages are stored once per clientMessageId, numbered without gaps, and bad input stores nothing. */
class MessagesIT extends AgainstBuiltWar {

    Api api;
    Api.Agent agent;
    CustomerRequestResponse customer;
    String messages;
    ExecutorService senders = Executors.newFixedThreadPool(8);

    @BeforeEach
    void aConversation() {
        api = api();
        Api.Organization organization = api.signUp();
        agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        customer = api.request(queue.id(), "Carla", null);
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        messages = "api/v1/audiences/" + customer.audienceId() + "/messages";
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void aRepeatedClientMessageIdReturnsTheOriginal() {
        PostMessageResponse first = api.post(messages, customer.customerToken(),
                new PostMessageRequest("c-1", "Where is my parcel?")).expect(201).as(PostMessageResponse.class);
        PostMessageResponse again = api.post(messages, customer.customerToken(),
                new PostMessageRequest("c-1", "Where is my parcel?")).expect(200).as(PostMessageResponse.class);

        assertEquals(first, again);
        assertEquals(1, stored().size());
    }

    @Test
    void theSameClientMessageIdPostedConcurrentlyIsStoredOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(senders.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return api.post(messages, customer.customerToken(), new PostMessageRequest("same", "Hello?"));
            }));
        }
        int created = 0;
        List<Long> seqs = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            Api.Reply r = reply.get(60, TimeUnit.SECONDS);
            if (r.status() == 201) {
                created++;
            } else {
                r.expect(200);
            }
            seqs.add(r.as(PostMessageResponse.class).seq());
        }

        assertEquals(1, created);
        assertEquals(1, seqs.stream().distinct().count());
        assertEquals(1, stored().size());
    }

    @Test
    void sequenceNumbersHaveNoGapsUnderEightConcurrentSenders() throws Exception {
        int perSender = 25;
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<?>> done = new ArrayList<>();
        for (int sender = 0; sender < 8; sender++) {
            boolean isAgent = sender % 2 == 0;
            String token = isAgent ? agent.token() : customer.customerToken();
            String prefix = "s" + sender + "-";
            done.add(senders.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < perSender; i++) {
                    api.post(messages, token, new PostMessageRequest(prefix + i, "message " + i)).expect(201);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }

        List<MessageResponse> stored = stored();
        assertEquals(LongStream.rangeClosed(1, 8 * perSender).boxed().toList(),
                stored.stream().map(MessageResponse::seq).toList());
        assertEquals(8 * perSender, stored.stream().map(MessageResponse::clientMessageId).distinct().count());
    }

    @Test
    void badInputIsRefusedWithProblemJsonAndStoresNothing() {
        String tooLong = "x".repeat(PostMessageRequest.MAX_TEXT_LENGTH + 1);
        var overLong = api.post(messages, customer.customerToken(), new PostMessageRequest("long", tooLong));
        var noId = api.post(messages, customer.customerToken(), new PostMessageRequest(null, "hi"));
        var noText = api.post(messages, customer.customerToken(), new PostMessageRequest("empty", " "));
        var nul = api.post(messages, customer.customerToken(), new PostMessageRequest("nul", "a\u0000b"));
        var reserved = api.post(messages, customer.customerToken(), new PostMessageRequest("carequeue:request", "x"));
        var badJson = api.postRaw(messages, customer.customerToken(), "application/json", "{\"text\": ");
        var wrongType = api.postRaw(messages, customer.customerToken(), "text/plain", "hello");
        var noBody = api.postRaw(messages, customer.customerToken(), "application/json", "");
        var huge = api.postRaw(messages, customer.customerToken(), "application/json",
                "{\"clientMessageId\":\"huge\",\"text\":\"" + "y".repeat(200_000) + "\"}");

        for (var reply : List.of(overLong, noId, noText, nul, reserved, badJson, noBody)) {
            assertEquals(400, reply.status(), reply.body());
            assertEquals("validation_failed", reply.problem().code());
        }
        assertEquals(413, huge.status());
        assertEquals("payload_too_large", huge.problem().code());
        assertEquals(415, wrongType.status());
        assertEquals("unsupported_media_type", wrongType.problem().code());
        assertEquals(0, stored().size());
    }

    @Test
    void theCustomerAndTheAgentMayUseTheSameClientMessageId() {
        api.post(messages, customer.customerToken(), new PostMessageRequest("1", "from the customer")).expect(201);
        api.post(messages, agent.token(), new PostMessageRequest("1", "from the agent")).expect(201);

        assertEquals(List.of("from the customer", "from the agent"),
                stored().stream().map(MessageResponse::text).toList());
    }

    @Test
    void anotherCustomersTokenSeesNothing() {
        api.post(messages, customer.customerToken(), new PostMessageRequest("c-1", "private")).expect(201);
        String strangerToken = "cqc_" + "A".repeat(43);

        var read = api.get(messages + "?since=0", strangerToken);
        var write = api.post(messages, strangerToken, new PostMessageRequest("c-2", "let me in"));

        assertEquals(404, read.status());
        assertEquals("audience_not_found", read.problem().code());
        assertEquals(404, write.status());
        assertEquals(1, stored().size());
    }

    @Test
    void readingSinceASeqReturnsOnlyLaterMessagesInOrder() {
        for (int i = 1; i <= 5; i++) {
            api.post(messages, i % 2 == 0 ? agent.token() : customer.customerToken(),
                    new PostMessageRequest("m" + i, "text " + i)).expect(201);
        }
        List<MessageResponse> later = api.get(messages + "?since=3", customer.customerToken()).expect(200)
                .asList(MessageResponse.class);

        assertEquals(List.of(4L, 5L), later.stream().map(MessageResponse::seq).toList());
        assertEquals("agent", later.get(0).from().role());
        assertEquals("customer", later.get(1).from().role());
        assertEquals("Carla", later.get(1).from().name());
    }

    private List<MessageResponse> stored() {
        return api.get(messages + "?since=0", agent.token()).expect(200).asList(MessageResponse.class);
    }
}
