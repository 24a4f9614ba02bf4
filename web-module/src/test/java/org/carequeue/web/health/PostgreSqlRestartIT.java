package org.carequeue.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.DatabaseUnderTest;
import org.carequeue.web.support.MicroProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real PostgreSQL server restarted twice under load, "fast" (sessions told to end) and
 * "immediate" (no goodbye, like a crash), while customers keep posting messages: requests fail
 * fast with 503 meanwhile, the node serves again by itself afterwards, and every acknowledged
 * message is stored exactly once. It restarts the machine's PostgreSQL, which every other test
 * shares, so it runs only when asked for (docs/reliability.md has the command), never in the
 * test command.
 */
@ExtendWith(DatabaseUnderTest.class)
@EnabledIfSystemProperty(named = "carequeue.it.restart-postgresql", matches = "true")
class PostgreSqlRestartIT {

    static final int CUSTOMERS = 8;
    static final Duration STEADY = Duration.ofSeconds(15);
    /** A request during the outage must be answered within this, 503 or success. */
    static final Duration FAILS_WITHIN = Duration.ofSeconds(5);
    static final int MAX_MESSAGES_PER_CUSTOMER = 5_000;

    @Test
    void restartsUnderLoadLoseNoAcknowledgedMessage() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("carequeue.it.database")), "PostgreSQL pass only");
        // The customers post as fast as they are answered, far over the per-token rate limit.
        MicroProcess node = MicroProcess.start("postgresql-restart", Map.of(
                "CAREQUEUE_DB_URL", DatabaseUnderTest.ownPostgreSqlSchema("restart"),
                "CAREQUEUE_RATE_MESSAGES_PER_TOKEN", "1000000/1"), List.of("--nocluster"));
        ExecutorService senders = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            Api api = new Api(node.base());
            Api.Organization organization = api.signUp();
            Api.Agent agent = api.agent(organization);
            QueueResponse queue = api.openQueue(organization, CUSTOMERS, agent);
            List<CustomerRequestResponse> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.add(api.request(queue.id(), "Customer " + i, null));
                api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null).expect(200);
            }

            // Each customer posts one message after another; a refused or unanswered one is sent
            // again with the same clientMessageId until it is acknowledged.
            Map<String, Long> acked = new ConcurrentHashMap<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger unanswered = new AtomicInteger();
            AtomicInteger slowAnswers = new AtomicInteger();
            Instant stopAt = Instant.now().plus(STEADY.multipliedBy(3));
            List<Future<?>> sending = new ArrayList<>();
            for (CustomerRequestResponse customer : customers) {
                String messages = "api/v1/audiences/" + customer.audienceId() + "/messages";
                sending.add(senders.submit(() -> {
                    for (int n = 0; n < MAX_MESSAGES_PER_CUSTOMER && Instant.now().isBefore(stopAt); n++) {
                        String clientMessageId = customer.audienceId() + "-" + n;
                        for (int attempt = 0; ; attempt++) {
                            assertTrue(attempt < 600, clientMessageId + " was never acknowledged");
                            Instant sent = Instant.now();
                            try {
                                Api.Reply reply = api.post(messages, customer.customerToken(),
                                        new PostMessageRequest(clientMessageId, "Message " + n));
                                if (Duration.between(sent, Instant.now()).compareTo(FAILS_WITHIN) > 0) {
                                    slowAnswers.incrementAndGet();
                                }
                                if (reply.status() == 503) {
                                    assertEquals("service_unavailable", reply.problem().code());
                                    unavailable.incrementAndGet();
                                } else {
                                    assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
                                    acked.put(clientMessageId, reply.as(PostMessageResponse.class).seq());
                                    break;
                                }
                            } catch (UncheckedIOException noAnswer) {
                                unanswered.incrementAndGet();
                            }
                            Thread.sleep(100);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(STEADY.toMillis());
            restartPostgreSql("fast");
            Thread.sleep(STEADY.toMillis());
            restartPostgreSql("immediate");
            for (Future<?> sender : sending) {
                sender.get(5, TimeUnit.MINUTES);
            }

            int stored = 0;
            for (CustomerRequestResponse customer : customers) {
                List<MessageResponse> messages = allMessages(api, customer.audienceId(), agent.token());
                assertEquals(LongStream.rangeClosed(1, messages.size()).boxed().toList(),
                        messages.stream().map(MessageResponse::seq).toList(), "one message per seq, no gap");
                assertEquals(messages.size(), messages.stream().map(MessageResponse::clientMessageId).distinct().count(),
                        "nothing stored twice");
                for (MessageResponse message : messages) {
                    assertEquals(acked.get(message.clientMessageId()), message.seq(),
                            message.clientMessageId() + " is stored with the seq it was acknowledged with");
                }
                stored += messages.size();
            }
            System.out.printf("[PostgreSqlRestartIT] %d acknowledged and stored, %d answered 503, %d unanswered,"
                    + " %d answers slower than %s%n", stored, unavailable.get(), unanswered.get(), slowAnswers.get(),
                    FAILS_WITHIN);
            assertEquals(acked.size(), stored, "every acknowledged message is stored");
            assertTrue(unavailable.get() + unanswered.get() > 0, "the restarts were noticed");
            assertEquals(0, slowAnswers.get(), "every answer, 503 or not, came within " + FAILS_WITHIN);
        } finally {
            senders.shutdownNow();
            node.close();
        }
    }

    private static List<MessageResponse> allMessages(Api api, String audienceId, String token) {
        List<MessageResponse> all = new ArrayList<>();
        for (int page = 0; page < 1_000; page++) {
            List<MessageResponse> next = api.get("api/v1/audiences/" + audienceId + "/messages?since="
                    + (all.isEmpty() ? 0 : all.get(all.size() - 1).seq()), token).expect(200).asList(MessageResponse.class);
            if (next.isEmpty()) {
                return all;
            }
            all.addAll(next);
        }
        throw new AssertionError("more than 1,000 pages of messages");
    }

    /** {@code pg_ctlcluster <version> main restart -m <mode>}, as the machine's administrator would. */
    private static void restartPostgreSql(String mode) throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        assertTrue(versions != null && versions.length == 1, "one PostgreSQL cluster in /etc/postgresql");
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main",
                "restart", "-m", mode).redirectErrorStream(true).start();
        assertTrue(restart.waitFor(2, TimeUnit.MINUTES), "pg_ctlcluster restart -m " + mode + " finished");
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, restart.exitValue(), "pg_ctlcluster restart -m " + mode + ": " + output);
        System.out.println("[PostgreSqlRestartIT] PostgreSQL restarted -m " + mode);
    }
}
