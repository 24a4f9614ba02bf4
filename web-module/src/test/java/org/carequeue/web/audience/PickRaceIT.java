package org.carequeue.web.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 16 agents race to pick the same customer, round after round, over HTTP: every customer ends up
 * in exactly one audience with exactly one agent, and nobody is lost.
 */
class PickRaceIT extends AgainstBuiltWar {

    static final int AGENTS = 16;
    static final int ROUNDS = 200;

    Api api;
    List<Api.Agent> agents = new ArrayList<>();
    QueueResponse queue;
    ExecutorService pickers = Executors.newFixedThreadPool(AGENTS);

    @BeforeEach
    void sixteenAgentsInOneQueue() {
        api = api();
        Api.Organization organization = api.signUp();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(api.agent(organization));
        }
        queue = api.openQueue(organization, 1_000, agents.toArray(Api.Agent[]::new));
    }

    @AfterEach
    void stopPickers() {
        pickers.shutdownNow();
    }

    @Test
    void exactlyOneAgentGetsEachCustomer() throws Exception {
        Map<String, String> winnerByCustomer = new HashMap<>();
        CyclicBarrier start = new CyclicBarrier(AGENTS);
        for (int round = 0; round < ROUNDS; round++) {
            String customer = api.request(queue.id(), "Customer " + round, null).audienceId();
            // Even rounds: everyone picks this customer by id. Odd rounds: everyone picks "next".
            PickRequest pick = round % 2 == 0 ? new PickRequest(customer) : null;
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (Api.Agent agent : agents) {
                replies.add(pickers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), pick);
                }));
            }
            int winners = 0;
            for (int i = 0; i < AGENTS; i++) {
                Api.Reply reply = replies.get(i).get(60, TimeUnit.SECONDS);
                if (reply.status() == 200) {
                    winners++;
                    AudienceResponse picked = reply.as(AudienceResponse.class);
                    assertEquals(customer, picked.audienceId());
                    assertEquals(agents.get(i).name(), picked.agentName());
                    winnerByCustomer.put(customer, agents.get(i).id());
                } else {
                    String expected = pick == null ? "queue_is_empty" : "already_picked";
                    assertEquals(expected, reply.problem().code(), "round " + round + ": " + reply.body());
                }
            }
            assertEquals(1, winners, "round " + round);
        }

        assertEquals(ROUNDS, winnerByCustomer.size());
        assertEquals(0, api.get("api/v1/queues/" + queue.id(), agents.get(0).token())
                .expect(200).as(QueueResponse.class).length());
        List<QueueLogEntryResponse> picks = api.get("api/v1/queues/" + queue.id() + "/log?limit=1000",
                        agents.get(0).token()).expect(200).asList(QueueLogEntryResponse.class)
                .stream().filter(entry -> entry.kind().equals("PICKED")).toList();
        assertEquals(ROUNDS, picks.size(), "one PICKED line per customer");
        for (QueueLogEntryResponse entry : picks) {
            assertEquals(winnerByCustomer.get(entry.audienceId()), entry.agentId());
        }
        Map<String, String> tokens = new HashMap<>();
        agents.forEach(agent -> tokens.put(agent.id(), agent.token()));
        for (Map.Entry<String, String> won : winnerByCustomer.entrySet()) {
            AudienceResponse audience = api.get("api/v1/audiences/" + won.getKey(), tokens.get(won.getValue()))
                    .expect(200).as(AudienceResponse.class);
            assertEquals("ACCEPTED", audience.state());
        }
        assertTrue(winnerByCustomer.values().stream().distinct().count() > 1,
                "with 16 racers over 200 rounds more than one agent should win sometimes");
    }

    @Test
    void agentsPickingNextFromALongLineEachGetADifferentCustomerUntilItIsEmpty() throws Exception {
        int customers = 60;
        Set<String> waiting = new HashSet<>();
        for (int i = 0; i < customers; i++) {
            waiting.add(api.request(queue.id(), "Waiting " + i, null).audienceId());
        }
        CyclicBarrier start = new CyclicBarrier(AGENTS);
        List<Future<List<String>>> picks = new ArrayList<>();
        for (Api.Agent agent : agents) {
            picks.add(pickers.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                List<String> mine = new ArrayList<>();
                for (int attempt = 0; attempt <= customers; attempt++) {
                    Api.Reply reply = api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), null);
                    if (reply.status() != 200) {
                        assertEquals("queue_is_empty", reply.problem().code(), reply.body());
                        return mine;
                    }
                    mine.add(reply.as(AudienceResponse.class).audienceId());
                }
                throw new AssertionError("more picks than customers");
            }));
        }
        List<String> picked = new ArrayList<>();
        for (Future<List<String>> f : picks) {
            picked.addAll(f.get(120, TimeUnit.SECONDS));
        }

        assertEquals(customers, picked.size(), "every customer picked once");
        assertEquals(waiting, new HashSet<>(picked));
    }
}
