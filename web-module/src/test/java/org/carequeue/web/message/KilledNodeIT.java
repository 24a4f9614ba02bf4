package org.carequeue.web.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node killed with SIGKILL in the middle of a conversation, on the embedded H2 database that
 * the run command uses: every message acknowledged to its sender is there exactly once after the
 * restart, a message whose answer never came is there once or not at all (and its retry settles
 * which), and the customer's socket resumes from the last message it had. H2 pass only: the
 * PostgreSQL case is ClusterIT's (a node of two killed while a customer streams messages).
 */
@ExtendWith(DatabaseUnderTest.class)
class KilledNodeIT {

    /** The sender stops by itself after this many, should the kill never come. */
    static final int MAX_MESSAGES = 2_000;
    static final int ACKED_BEFORE_THE_KILL = 40;

    @Test
    void everyAcknowledgedMessageIsThereOnceAfterTheRestart() throws Exception {
        MicroProcess node = MicroProcess.start("killed-node", Map.of(), List.of("--nocluster"));
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Api api = new Api(node.base());
            Api.Organization organization = api.signUp();
            Api.Agent agent = api.agent(organization);
            QueueResponse queue = api.openQueue(organization, 10, agent);
            CustomerRequestResponse customer = api.request(queue.id(), "Carla", null);
            api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            String messages = "api/v1/audiences/" + customer.audienceId() + "/messages";

            // The customer sends one message after another, as fast as they are acknowledged.
            Map<String, Long> acked = new ConcurrentHashMap<>();
            Set<String> unanswered = ConcurrentHashMap.newKeySet();
            Future<?> sending = sender.submit(() -> {
                for (int i = 0; i < MAX_MESSAGES; i++) {
                    String clientMessageId = "m-" + i;
                    try {
                        Api.Reply reply = api.post(messages, customer.customerToken(),
                                new PostMessageRequest(clientMessageId, "Message " + i));
                        acked.put(clientMessageId, reply.expect(201).as(PostMessageResponse.class).seq());
                    } catch (UncheckedIOException nodeGone) {
                        unanswered.add(clientMessageId);
                        return;
                    }
                }
            });
            for (int waited = 0; acked.size() < ACKED_BEFORE_THE_KILL; waited++) {
                assertTrue(waited < 1_200, "acknowledged within two minutes: " + acked.size());
                Thread.sleep(100);
            }
            node.kill();
            sending.get(60, TimeUnit.SECONDS);
            long lastAckedSeq = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();

            node = node.startAgain();

            List<MessageResponse> stored = new ArrayList<>(api.get(messages + "?since=0", agent.token())
                    .expect(200).asList(MessageResponse.class));
            Set<String> storedIds = new HashSet<>();
            stored.forEach(message -> assertTrue(storedIds.add(message.clientMessageId()),
                    "stored twice: " + message.clientMessageId()));
            acked.forEach((clientMessageId, seq) -> assertTrue(stored.stream().anyMatch(message ->
                            message.clientMessageId().equals(clientMessageId) && message.seq() == seq),
                    clientMessageId + " was acknowledged with seq " + seq + " and must survive the kill"));
            Set<String> neitherAckedNorUnanswered = new HashSet<>(storedIds);
            neitherAckedNorUnanswered.removeAll(acked.keySet());
            neitherAckedNorUnanswered.removeAll(unanswered);
            assertEquals(Set.of(), neitherAckedNorUnanswered, "nothing stored that was not sent");
            assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(),
                    stored.stream().map(MessageResponse::seq).toList(), "no gap in the sequence");
            System.out.printf("[KilledNodeIT] %d acknowledged before the kill, %d in flight, %d stored after it%n",
                    acked.size(), unanswered.size(), stored.size());

            // The sender retries what got no answer: stored already (200, the original) or now (201), once.
            long total = stored.size();
            for (String clientMessageId : unanswered) {
                Api.Reply retry = api.post(messages, customer.customerToken(),
                        new PostMessageRequest(clientMessageId, "Message " + clientMessageId.substring(2)));
                assertEquals(storedIds.contains(clientMessageId) ? 200 : 201, retry.status(), retry.body());
                total += storedIds.contains(clientMessageId) ? 0 : 1;
            }
            // The customer's socket resumes after the last message it had acknowledged.
            try (ChatSocket socket = ChatSocket.authenticated(api, customer.customerToken())) {
                socket.resume(lastAckedSeq);
                List<Long> resumed = new ArrayList<>();
                for (long seq = lastAckedSeq + 1; seq <= total; seq++) {
                    resumed.add(socket.next("message").getJsonNumber("seq").longValue());
                }
                assertEquals(LongStream.rangeClosed(lastAckedSeq + 1, total).boxed().toList(), resumed,
                        "the rest, in order, from the seq after the last one it had");
            }
        } finally {
            sender.shutdownNow();
            node.close();
        }
    }
}
