package org.carequeue.web.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carequeue.api.agent.CreateAgentRequest;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueRulesIT extends AgainstBuiltWar {

    Api api;
    Api.Organization organization;
    Api.Agent member;

    @BeforeEach
    void organization() {
        api = api();
        organization = api.signUp();
        member = api.agent(organization);
    }

    @Test
    void aClosedQueueRefusesCustomersWithQueueIsClosed() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        api.post("api/v1/queues/" + queue.id() + "/close", member.token(), null).expect(200);

        var reply = api.post(requests(queue), null, customer());

        assertEquals(409, reply.status());
        assertEquals("queue_is_closed", reply.problem().code());
        assertEquals(0, waiting(queue));
    }

    @Test
    void aFullQueueRefusesTheCustomerBeyondItsCapacity() {
        QueueResponse queue = api.openQueue(organization, 2, member);
        api.post(requests(queue), null, customer()).expect(201);
        api.post(requests(queue), null, customer()).expect(201);

        var reply = api.post(requests(queue), null, customer());

        assertEquals(409, reply.status());
        assertEquals("queue_is_full", reply.problem().code());
        assertEquals(2, waiting(queue));
    }

    /**
     * Arrivals queue up on the queue's row lock: racing customers never fill it beyond its
     * capacity, and each admitted one is told a place of their own, taken from the count made
     * under that lock.
     */
    @Test
    void racingCustomersNeverOverfillAQueueAndEachGetsTheirOwnPlace() throws Exception {
        QueueResponse queue = api.openQueue(organization, 5, member);
        int racing = 12;
        ExecutorService racers = Executors.newFixedThreadPool(racing);
        try {
            CyclicBarrier start = new CyclicBarrier(racing);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racing; i++) {
                replies.add(racers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return api.post(requests(queue), null, customer());
                }));
            }
            List<Integer> places = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get(60, TimeUnit.SECONDS);
                if (r.status() == 201) {
                    places.add(r.as(CustomerRequestResponse.class).position());
                } else {
                    assertEquals(409, r.status(), r.body());
                    assertEquals("queue_is_full", r.problem().code());
                }
            }
            assertEquals(List.of(1, 2, 3, 4, 5), places.stream().sorted().toList());
            assertEquals(5, waiting(queue));
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aSuspendedQueueRefusesCustomersEvenWhenOpen() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        api.put("api/v1/queues/" + queue.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(queue.name(), 10, true)).expect(200);

        var reply = api.post(requests(queue), null, customer());

        assertEquals(409, reply.status());
        assertEquals("queue_is_suspended", reply.problem().code());
    }

    @Test
    void anAgentOutsideTheQueueIsForbidden() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        Api.Agent outsider = api.agent(organization);
        api.post(requests(queue), null, customer()).expect(201);

        for (var reply : new Api.Reply[]{
                api.post("api/v1/queues/" + queue.id() + "/pick", outsider.token(), null),
                api.get("api/v1/queues/" + queue.id() + "/requests", outsider.token()),
                api.post("api/v1/queues/" + queue.id() + "/close", outsider.token(), null)}) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("forbidden", reply.problem().code());
        }
        assertEquals(1, waiting(queue));
        assertEquals("OPEN", api.get("api/v1/queues/" + queue.id(), member.token()).expect(200)
                .as(QueueResponse.class).state());
    }

    @Test
    void anotherOrganizationsQueueDoesNotExistForAnAgent() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        Api.Organization other = api.signUp();

        var reply = api.post("api/v1/queues/" + queue.id() + "/pick", other.ownerToken(), null);

        assertEquals(404, reply.status());
        assertEquals("queue_not_found", reply.problem().code());
    }

    @Test
    void callsWithoutATokenGet401AndAPlainAgentCannotCreateQueues() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        var anonymous = api.post("api/v1/queues/" + queue.id() + "/pick", null, null);
        assertEquals(401, anonymous.status());
        assertEquals("not_authenticated", anonymous.problem().code());

        var agentCreates = api.post("api/v1/queues", member.token(),
                new org.carequeue.api.queue.CreateQueueRequest("Mine", 5));
        assertEquals(403, agentCreates.status());
        assertEquals("forbidden", agentCreates.problem().code());
    }

    @Test
    void anotherMembersConversationIsPrivateOnceAccepted() {
        Api.Agent colleague = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, member, colleague);
        String audienceId = api.request(queue.id(), "Private", "About my account").audienceId();
        assertEquals(200, api.get("api/v1/audiences/" + audienceId, colleague.token()).status(),
                "members see a waiting customer to decide whom to pick");
        api.post("api/v1/queues/" + queue.id() + "/pick", member.token(), null).expect(200);

        var read = api.get("api/v1/audiences/" + audienceId + "/messages", colleague.token());
        var write = api.post("api/v1/audiences/" + audienceId + "/messages", colleague.token(),
                new org.carequeue.api.message.PostMessageRequest("x", "hijack"));
        var end = api.post("api/v1/audiences/" + audienceId + "/end", colleague.token(), null);

        for (var reply : List.of(read, write, end)) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("not_held_by_you", reply.problem().code());
        }
    }

    @Test
    void customerFactsAreCheckedForSize() {
        QueueResponse queue = api.openQueue(organization, 10, member);
        Map<String, String> tooMuch = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            tooMuch.put("field " + i, "v".repeat(900));
        }
        var reply = api.post(requests(queue), null, new CustomerRequest("Big", null, tooMuch, null, null));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("validation_failed", reply.problem().code());
        assertEquals(0, waiting(queue));
    }

    @Test
    void aUsernameTakenAtTheSameMomentIsRefusedWithoutAServerError() throws Exception {
        String username = Api.unique("twin");
        ExecutorService racers = Executors.newFixedThreadPool(6);
        try {
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(racers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return api.post("api/v1/agents", organization.ownerToken(),
                            new CreateAgentRequest(username, "Twin", null, Api.PASSWORD, "AGENT"));
                }));
            }
            int created = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get(60, TimeUnit.SECONDS);
                if (r.status() == 201) {
                    created++;
                } else {
                    assertTrue(r.status() == 400 || r.status() == 409, r.body());
                    assertTrue(List.of("validation_failed", "already_exists").contains(r.problem().code()), r.body());
                }
            }
            assertEquals(1, created);
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void anUnknownQueueIsQueueNotFound() {
        var reply = api.post("api/v1/queues/no-such-queue/requests", null, customer());
        assertEquals(404, reply.status());
        assertEquals("queue_not_found", reply.problem().code());
    }

    private static String requests(QueueResponse queue) {
        return "api/v1/queues/" + queue.id() + "/requests";
    }

    private static CustomerRequest customer() {
        return new CustomerRequest(Api.unique("customer"), "Hello", null, null, null);
    }

    private int waiting(QueueResponse queue) {
        return api.get("api/v1/queues/" + queue.id(), member.token()).expect(200).as(QueueResponse.class).length();
    }
}
