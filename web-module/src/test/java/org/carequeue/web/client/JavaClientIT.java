package org.carequeue.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequest;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.client.CareQueueClient;
import org.carequeue.api.client.CareQueueException;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.junit.jupiter.api.Test;

/** The published Java client (api-module) against the running CareQueue: a whole conversation and its refusals. */
class JavaClientIT extends AgainstBuiltWar {

    @Test
    void aCustomerAndAnAgentTalkThroughTheClientAndTheOperatorReadsTheStatistics() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CareQueueClient careQueue = CareQueueClient.of(api.base());

        CustomerRequestResponse request = careQueue.request(queue.id(),
                new CustomerRequest("Carla", "My order is late", Map.of("page", "/orders"), null, null));
        assertEquals("REQUESTED", request.state());
        CareQueueClient customer = careQueue.withToken(request.customerToken());
        CareQueueClient desk = careQueue.withToken(careQueue.signIn(agent.username(), Api.PASSWORD).token());

        AudienceResponse picked = desk.pickNext(queue.id());
        assertEquals(request.audienceId(), picked.audienceId());
        assertEquals("ACCEPTED", customer.audience(request.audienceId()).state());

        PostMessageResponse hello = desk.postMessage(request.audienceId(), "agent-1", "Hello Carla");
        PostMessageResponse again = desk.postMessage(request.audienceId(), "agent-1", "Hello Carla");
        assertEquals(hello.seq(), again.seq(), "a repeated clientMessageId is the same message");
        PostMessageResponse answer = customer.postMessage(request.audienceId(), "customer-1", "Thanks");

        List<MessageResponse> all = customer.messages(request.audienceId(), 0);
        assertEquals(List.of("My order is late", "Hello Carla", "Thanks"),
                all.stream().filter(m -> !"system".equals(m.from().role())).map(MessageResponse::text).toList());
        List<MessageResponse> afterHello = desk.messages(request.audienceId(), hello.seq());
        assertEquals(List.of(answer.seq()), afterHello.stream().map(MessageResponse::seq).toList());

        assertEquals("FINISHED", customer.end(request.audienceId()).state());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        CareQueueClient operator = careQueue.withToken(organization.ownerToken());
        StatisticsResponse statistics = operator.statistics(queue.id(), today, today.plusDays(1), "UTC", "daily");
        assertEquals(1, statistics.total().conversations());
        assertEquals(1, statistics.total().accepted());
        assertEquals(1, operator.statistics(null, today, today.plusDays(1), null, null).total().conversations());
    }

    @Test
    void refusalsArriveAsExceptionsWithTheProblemCode() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent agent = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, agent);
        CareQueueClient careQueue = CareQueueClient.of(api.base());

        CareQueueException badPassword = assertThrows(CareQueueException.class,
                () -> careQueue.signIn(agent.username(), "not-the-password"));
        assertEquals(401, badPassword.status());
        assertEquals("invalid_credentials", badPassword.code());

        CareQueueClient desk = careQueue.withToken(agent.token());
        CareQueueException empty = assertThrows(CareQueueException.class, () -> desk.pickNext(queue.id()));
        assertEquals(404, empty.status());
        assertEquals("queue_is_empty", empty.code());

        CareQueueException notSignedIn = assertThrows(CareQueueException.class, () -> careQueue.pickNext(queue.id()));
        assertEquals("not_authenticated", notSignedIn.code());

        CareQueueException agentsSeeNoStatistics = assertThrows(CareQueueException.class,
                () -> desk.statistics(queue.id(), LocalDate.now(), LocalDate.now().plusDays(1), null, null));
        assertEquals("forbidden", agentsSeeNoStatistics.code());
    }
}
