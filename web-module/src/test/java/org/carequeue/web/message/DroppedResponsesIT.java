package org.carequeue.web.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network that loses 5 % of CareQueue's answers after CareQueue did the work: the customer and
 * the agent post through a proxy on loopback that drops answers at random, and retry each message
 * with its {@code clientMessageId} until an answer arrives. Every message is stored exactly once, in
 * the order it was first sent, and every retry that reached the server after a lost answer got the
 * original back.
 */
class DroppedResponsesIT extends AgainstBuiltWar {

    static final int MESSAGES_PER_SIDE = Integer.getInteger("carequeue.dropped-responses.messages", 150);
    static final double DROPPED_SHARE = 0.05;
    /** Enough for any message: 12 lost answers in a row at 5 % happen once in 4e15 tries. */
    static final int ATTEMPTS_PER_MESSAGE = 12;

    Api direct;
    TcpProxy lossyNetwork;
    Api throughLossyNetwork;
    Api.Agent agent;
    CustomerRequestResponse customer;
    String messages;

    @BeforeEach
    void aConversationBehindALossyNetwork() throws Exception {
        direct = api();
        Api.Organization organization = direct.signUp();
        agent = direct.agent(organization);
        QueueResponse queue = direct.openQueue(organization, 10, agent);
        customer = direct.request(queue.id(), "Carla", null);
        direct.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
        messages = "api/v1/audiences/" + customer.audienceId() + "/messages";
        lossyNetwork = new TcpProxy(direct.base().getPort());
        throughLossyNetwork = new Api(new URL("http://127.0.0.1:" + lossyNetwork.port() + "/"));
    }

    @AfterEach
    void closeTheNetwork() throws Exception {
        lossyNetwork.close();
    }

    @Test
    void retriesAfterLostAnswersStoreEveryMessageExactlyOnce() {
        long seed = System.nanoTime();
        lossyNetwork.dropAnswers(DROPPED_SHARE, seed);
        Map<String, String> sentTexts = new LinkedHashMap<>();
        Map<String, Long> ackedSeqs = new LinkedHashMap<>();
        int retries = 0;
        int retriesAnsweredWithTheOriginal = 0;
        for (int i = 0; i < 2 * MESSAGES_PER_SIDE; i++) {
            boolean fromAgent = i % 2 == 1;
            String clientMessageId = (fromAgent ? "agent-" : "customer-") + i;
            String text = (fromAgent ? "Answer " : "Question ") + i;
            sentTexts.put(clientMessageId, text);
            Api.Reply reply = null;
            for (int attempt = 1; reply == null; attempt++) {
                assertTrue(attempt <= ATTEMPTS_PER_MESSAGE, clientMessageId + ": no answer in " + ATTEMPTS_PER_MESSAGE
                        + " attempts (seed " + seed + ")");
                if (attempt > 1) {
                    retries++;
                }
                try {
                    reply = throughLossyNetwork.post(messages, fromAgent ? agent.token() : customer.customerToken(),
                            new PostMessageRequest(clientMessageId, text));
                } catch (UncheckedIOException answerLost) {
                    // The request may or may not have reached CareQueue: the retry says which.
                }
            }
            if (reply.status() == 200) {
                retriesAnsweredWithTheOriginal++;
            } else {
                reply.expect(201);
            }
            PostMessageResponse acked = reply.as(PostMessageResponse.class);
            assertEquals(clientMessageId, acked.clientMessageId());
            ackedSeqs.put(clientMessageId, acked.seq());
        }
        lossyNetwork.dropAnswers(0, seed);

        List<MessageResponse> stored = storedMessages();
        System.out.printf("[DroppedResponsesIT] %d messages, %d answers dropped, %d retries, %d answered 200 with"
                        + " the original (seed %d)%n", sentTexts.size(), lossyNetwork.droppedAnswers(), retries,
                retriesAnsweredWithTheOriginal, seed);
        assertTrue(lossyNetwork.droppedAnswers() > 0, "the network lost answers (seed " + seed + ")");
        assertTrue(retriesAnsweredWithTheOriginal > 0, "some lost answers came after the message was stored");
        assertEquals(new ArrayList<>(sentTexts.keySet()), stored.stream().map(MessageResponse::clientMessageId).toList(),
                "each message stored once, in the order sent (seed " + seed + ")");
        assertEquals(new ArrayList<>(sentTexts.values()), stored.stream().map(MessageResponse::text).toList());
        assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(),
                stored.stream().map(MessageResponse::seq).toList(), "no gaps in the sequence");
        stored.forEach(message -> assertEquals(ackedSeqs.get(message.clientMessageId()), message.seq(),
                "the acknowledged seq is the stored one"));
    }

    /** Every message of the conversation, read directly (not through the lossy network), page by page. */
    private List<MessageResponse> storedMessages() {
        List<MessageResponse> all = new ArrayList<>();
        long since = 0;
        for (int page = 0; page < 100; page++) {
            List<MessageResponse> next = direct.get(messages + "?since=" + since, agent.token())
                    .expect(200).asList(MessageResponse.class);
            if (next.isEmpty()) {
                return all;
            }
            all.addAll(next);
            since = next.get(next.size() - 1).seq();
        }
        throw new AssertionError("more than 100 pages of messages");
    }
}
