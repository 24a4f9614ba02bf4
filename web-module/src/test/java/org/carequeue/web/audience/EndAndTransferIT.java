package org.carequeue.web.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PostAnswersRequest;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.audience.TransferRequest;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.PostMessageRequest;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.api.statistics.StatisticsRow;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * The end of an audience (nobody writes afterwards; FINISHED, then COMPLETE after the configured
 * wrap-up time, or at once with "end and hide"), the customer's rating and post-audience answers,
 * and transfers between queues, over REST and real chat sockets. The ITs run with
 * {@code CAREQUEUE_AUDIENCE_COMPLETE_AFTER_SECONDS=20} (see the pom).
 */
class EndAndTransferIT extends AgainstBuiltWar {

    private static final Duration COMPLETE_AFTER = Duration.ofSeconds(20);

    @Test
    void afterTheEndNobodyWritesAndTheCustomerRatesAndAnswersOnce() {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann);
        CustomerRequestResponse carla = api.request(queue.id(), "Carla", "Hello");
        String audience = "api/v1/audiences/" + carla.audienceId();
        try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken());
             ChatSocket agentSocket = ChatSocket.authenticated(api, ann.token())) {
            api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));

            assertProblem(api.post(audience + "/rating", carla.customerToken(), new RatingRequest(1)), 409,
                    "audience_not_ended");
            assertProblem(api.post(audience + "/post-answers", carla.customerToken(),
                    new PostAnswersRequest(Map.of("solved", "yes"))), 409, "audience_not_ended");

            AudienceResponse ended = api.post(audience + "/end", ann.token(), null).expect(200).as(AudienceResponse.class);
            assertEquals("FINISHED", ended.state());
            assertEquals("FINISHED", customer.nextPastPositions("state").getString("state"));

            // Nobody writes any more: REST and socket, customer and agent.
            assertProblem(api.post(audience + "/messages", carla.customerToken(), new PostMessageRequest("c-9", "Hi?")),
                    409, "audience_ended");
            assertProblem(api.post(audience + "/messages", ann.token(), new PostMessageRequest("a-9", "Hi?")),
                    409, "audience_ended");
            customer.sendMessage("c-10", "Still there?");
            JsonObject refused = customer.until("error");
            assertEquals("audience_ended", refused.getString("code"));
            agentSocket.sendMessage(carla.audienceId(), "a-10", "Still there?");
            assertEquals("audience_ended", agentSocket.until("error").getString("code"));
            assertEquals(1, api.get(audience + "/messages", ann.token()).expect(200).asList(MessageResponse.class).size(),
                    "only the request's message is stored");

            // Rating: one of 1, 0, -1, by the customer, once.
            assertProblem(api.post(audience + "/rating", carla.customerToken(), new RatingRequest(5)), 400,
                    "validation_failed");
            assertProblem(api.post(audience + "/rating", carla.customerToken(), new RatingRequest(null)), 400,
                    "validation_failed");
            assertEquals(401, api.post(audience + "/rating", ann.token(), new RatingRequest(1)).status(),
                    "the agent cannot rate for the customer");
            AudienceResponse rated = api.post(audience + "/rating", carla.customerToken(), new RatingRequest(-1))
                    .expect(200).as(AudienceResponse.class);
            assertEquals(-1, rated.rating());
            assertProblem(api.post(audience + "/rating", carla.customerToken(), new RatingRequest(1)), 409,
                    "already_rated");

            // The post-audience questionnaire: a small string map, once.
            assertProblem(api.post(audience + "/post-answers", carla.customerToken(), new PostAnswersRequest(Map.of())),
                    400, "validation_failed");
            assertProblem(api.post(audience + "/post-answers", carla.customerToken(),
                    new PostAnswersRequest(Map.of("comment", "x".repeat(1001)))), 400, "validation_failed");
            api.post(audience + "/post-answers", carla.customerToken(),
                    new PostAnswersRequest(Map.of("solved", "yes", "comment", "Quick and kind 👍"))).expect(200);
            assertProblem(api.post(audience + "/post-answers", carla.customerToken(),
                    new PostAnswersRequest(Map.of("solved", "no"))), 409, "already_answered");

            AudienceResponse seenByAgent = api.get(audience, ann.token()).expect(200).as(AudienceResponse.class);
            assertEquals(-1, seenByAgent.rating(), "the first rating stands");
            assertEquals(Map.of("solved", "yes", "comment", "Quick and kind 👍"), seenByAgent.postAnswers());
            assertEquals("FINISHED", seenByAgent.state());
        }

        List<QueueLogEntryResponse> log = api.get("api/v1/queues/" + queue.id() + "/log", ann.token())
                .expect(200).asList(QueueLogEntryResponse.class);
        QueueLogEntryResponse endLine = log.get(log.size() - 1);
        assertEquals("ENDED", endLine.kind());
        assertEquals(ann.name(), endLine.agentName(), "the log says who ended");
        assertEquals("Carla", endLine.customerName());
    }

    @Test
    void aFinishedConversationCompletesAfterTheWrapUpTimeAndEndAndHideCompletesAtOnce() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        QueueResponse queue = api.openQueue(organization, 10, ann);
        CustomerRequestResponse first = api.request(queue.id(), "First", null);
        CustomerRequestResponse second = api.request(queue.id(), "Second", null);
        CustomerRequestResponse third = api.request(queue.id(), "Third", null);
        for (int i = 0; i < 3; i++) {
            api.post("api/v1/queues/" + queue.id() + "/pick", ann.token(), null).expect(200);
        }

        Instant endedAt = Instant.now();
        api.post("api/v1/audiences/" + first.audienceId() + "/end", ann.token(), null).expect(200);
        AudienceResponse hidden = api.post("api/v1/audiences/" + second.audienceId() + "/end-and-hide", ann.token(), null)
                .expect(200).as(AudienceResponse.class);
        assertEquals("COMPLETE", hidden.state(), "end and hide completes at once");
        api.post("api/v1/audiences/" + third.audienceId() + "/end", third.customerToken(), null).expect(200);
        // A complete conversation can still be rated by its customer, and nobody writes in it.
        api.post("api/v1/audiences/" + second.audienceId() + "/rating", second.customerToken(), new RatingRequest(1))
                .expect(200);
        assertProblem(api.post("api/v1/audiences/" + second.audienceId() + "/messages", second.customerToken(),
                new PostMessageRequest("c-1", "Hello?")), 409, "audience_ended");

        assertEquals("FINISHED", state(api, first, ann), "the ended conversation stays FINISHED for wrap-up");
        String firstState;
        do {
            Thread.sleep(500);
            firstState = state(api, first, ann);
        } while (!"COMPLETE".equals(firstState) && Duration.between(endedAt, Instant.now()).toSeconds() < 60);
        Duration took = Duration.between(endedAt, Instant.now());
        assertEquals("COMPLETE", firstState, "completes by itself");
        assertTrue(took.compareTo(COMPLETE_AFTER) >= 0, "not before the wrap-up time: " + took);
        // The third ended a moment after the first: the same wait, at most one more tick.
        while (!"COMPLETE".equals(state(api, third, ann)) && Duration.between(endedAt, Instant.now()).toSeconds() < 60) {
            Thread.sleep(500);
        }
        assertEquals("COMPLETE", state(api, third, ann), "also when the customer ended");
        assertEquals("COMPLETE", api.post("api/v1/audiences/" + first.audienceId() + "/end-and-hide", ann.token(), null)
                .expect(200).as(AudienceResponse.class).state(), "hiding a complete one changes nothing");

        List<QueueLogEntryResponse> ends = api.get("api/v1/queues/" + queue.id() + "/log", ann.token()).expect(200)
                .asList(QueueLogEntryResponse.class).stream().filter(e -> e.kind().equals("ENDED")).toList();
        assertEquals(3, ends.size(), "each end is logged once: " + ends);
        assertEquals(ann.name(), ends.get(0).agentName());
        assertEquals(ann.name(), ends.get(1).agentName());
        assertNull(ends.get(2).agentName(), "the customer ended the third");
    }

    @Test
    void anAgentTransfersTheCustomerToAnAllowedQueueWhereTheNextAgentSeesTheHistory() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        Api.Agent ann = api.agent(organization);
        Api.Agent ben = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 10, ann);
        QueueResponse billing = api.openQueue(organization, 10, ben);
        QueueResponse closed = api.openQueue(organization, 10, ben);
        api.post("api/v1/queues/" + closed.id() + "/close", organization.ownerToken(), null).expect(200);
        QueueResponse full = api.openQueue(organization, 1, ben);
        CustomerRequestResponse fullUp = api.request(full.id(), "Already Waiting", null);
        QueueResponse notATarget = api.openQueue(organization, 10, ben);
        QueueResponse elsewhere = api.openQueue(api.signUp(), 10);

        // Transfer targets: other queues of the organization; null keeps them.
        String settings = "api/v1/queues/" + support.id() + "/settings";
        QueueSettingsRequest supportSettings = QueueSettingsRequest.basic(support.name(), 10, false);
        assertEquals("transferQueueIds", api.put(settings, organization.ownerToken(),
                supportSettings.withTransferQueueIds(List.of(elsewhere.id()))).expect(400).problem().field());
        assertEquals("transferQueueIds", api.put(settings, organization.ownerToken(),
                supportSettings.withTransferQueueIds(List.of(support.id()))).expect(400).problem().field());
        assertEquals(403, api.put(settings, ann.token(), supportSettings.withTransferQueueIds(List.of(billing.id())))
                .status(), "operators only");
        assertEquals(List.of(), api.get("api/v1/queues/" + support.id(), ann.token()).expect(200)
                .as(QueueResponse.class).transferQueueIds(), "none by default, nothing changed by refusals");
        List<String> targets = List.of(billing.id(), closed.id(), full.id());
        assertEquals(targets.stream().sorted().toList(), api.put(settings, organization.ownerToken(),
                QueueSettingsRequest.basic(support.name(), 10, false).withTransferQueueIds(targets)).expect(200).as(QueueResponse.class)
                .transferQueueIds());
        assertEquals(targets.stream().sorted().toList(), api.put(settings, organization.ownerToken(),
                QueueSettingsRequest.basic(support.name(), 10, false)).expect(200).as(QueueResponse.class)
                .transferQueueIds(), "null keeps the targets");

        CustomerRequestResponse carla = api.request(support.id(), "Carla", "My invoice is wrong");
        String audience = "api/v1/audiences/" + carla.audienceId();
        String transfer = audience + "/transfer";
        // The full queue's customer keeps their place with a socket (the grace period is short in the ITs).
        try (ChatSocket customer = ChatSocket.authenticated(api, carla.customerToken());
             ChatSocket waitingInFullQueue = ChatSocket.authenticated(api, fullUp.customerToken())) {
            assertProblem(api.post(transfer, ann.token(), new TransferRequest(billing.id())), 403, "not_held_by_you");
            api.post("api/v1/queues/" + support.id() + "/pick", ann.token(), null).expect(200);
            assertEquals("ACCEPTED", customer.nextPastPositions("state").getString("state"));
            api.post(audience + "/messages", ann.token(), new PostMessageRequest("a-1", "Let me see.")).expect(201);
            customer.sendMessage("c-1", "Thank you");
            customer.until("sent");

            List<PublicQueueResponse> offered = api.get(audience + "/transfer-targets", ann.token()).expect(200)
                    .asList(PublicQueueResponse.class);
            assertEquals(Map.of(billing.id(), "OPEN", closed.id(), "CLOSED", full.id(), "FULL"), offered.stream()
                    .collect(Collectors.toMap(PublicQueueResponse::id, PublicQueueResponse::state)),
                    "the allowed targets and whether they take a customer now");
            assertEquals(403, api.get(audience + "/transfer-targets", ben.token()).status(), "only for the holder");

            assertProblem(api.post(transfer, ann.token(), new TransferRequest(notATarget.id())), 409,
                    "transfer_not_allowed");
            assertProblem(api.post(transfer, ann.token(), new TransferRequest(closed.id())), 409, "queue_is_closed");
            assertProblem(api.post(transfer, ann.token(), new TransferRequest(full.id())), 409, "queue_is_full");
            assertProblem(api.post(transfer, ann.token(), new TransferRequest(null)), 400, "validation_failed");
            assertProblem(api.post(transfer, ben.token(), new TransferRequest(billing.id())), 403, "not_held_by_you");
            assertProblem(api.post(transfer, carla.customerToken(), new TransferRequest(billing.id())), 401,
                    "not_authenticated");
            assertEquals("ACCEPTED", api.get(audience, ann.token()).expect(200).as(AudienceResponse.class).state(),
                    "refused transfers change nothing");

            Thread.sleep(1_000);    // so that waiting in billing and since the request differ by more than noise
            AudienceResponse moved = api.post(transfer, ann.token(), new TransferRequest(billing.id()))
                    .expect(200).as(AudienceResponse.class);
            assertEquals("REQUESTED", moved.state());
            assertEquals(billing.id(), moved.queueId());
            assertEquals(1, moved.position());

            // The customer queues again: state REQUESTED, their place, and the system line.
            List<JsonObject> frames = new ArrayList<>();
            while (frames.stream().noneMatch(f -> f.getString("type").equals("queue"))
                    || frames.stream().noneMatch(EndAndTransferIT::isSystemLine)) {
                frames.add(customer.next());
            }
            JsonObject state = frames.stream().filter(f -> f.getString("type").equals("state")).findFirst().orElseThrow();
            assertEquals("REQUESTED", state.getString("state"));
            assertEquals(1, frames.stream().filter(f -> f.getString("type").equals("queue")).findFirst().orElseThrow()
                    .getInt("position"));
            // The echo of the customer's own last message may come first: the system line is the one.
            JsonObject line = frames.stream().filter(EndAndTransferIT::isSystemLine).findFirst().orElseThrow();
            String expectedLine = "Transferred from " + support.name() + " to " + billing.name() + " by " + ann.name();
            assertEquals(expectedLine, line.getString("text"));
            assertEquals("system", line.getJsonObject("from").getString("role"));
            AudienceResponse status = api.get(audience, carla.customerToken()).expect(200).as(AudienceResponse.class);
            assertEquals("REQUESTED", status.state());
            assertEquals(billing.id(), status.queueId());

            // Ann let go: she can no longer write or transfer.
            assertProblem(api.post(audience + "/messages", ann.token(), new PostMessageRequest("a-2", "Hello?")), 403,
                    "not_held_by_you");
            assertNotEquals(200, api.get(audience + "/messages", ann.token()).status(), "nor read it");

            List<WaitingCustomerResponse> waiting = api.get("api/v1/queues/" + billing.id() + "/requests", ben.token())
                    .expect(200).asList(WaitingCustomerResponse.class);
            assertEquals(List.of(carla.audienceId()), waiting.stream().map(WaitingCustomerResponse::audienceId).toList());

            api.post("api/v1/queues/" + billing.id() + "/pick", ben.token(), null).expect(200);
            JsonObject accepted = customer.nextPastPositions("state");
            assertEquals("ACCEPTED", accepted.getString("state"));
            assertEquals(ben.name(), accepted.getString("agentName"));

            // The same audience: its whole history, numbered without gaps, for the next agent.
            List<MessageResponse> history = api.get(audience + "/messages", ben.token()).expect(200)
                    .asList(MessageResponse.class);
            assertEquals(List.of("My invoice is wrong", "Let me see.", "Thank you", expectedLine),
                    history.stream().map(MessageResponse::text).toList());
            assertEquals(LongStream.rangeClosed(1, 4).boxed().toList(), history.stream().map(MessageResponse::seq).toList());
            customer.sendMessage("c-2", "Hi Ben");
            assertEquals(5, customer.until("sent").getJsonNumber("seq").longValue(), "seq goes on");
            // The echo of c-2 may still come; the replay of 3 and 4 follows in order.
            customer.resume(2);
            List<Long> replayed = new ArrayList<>();
            while (!replayed.contains(4L)) {
                replayed.add(customer.until("message").getJsonNumber("seq").longValue());
            }
            assertEquals(List.of(3L, 4L), replayed.stream().filter(seq -> seq < 5).toList(),
                    "resume works across the transfer");
        }

        QueueLogEntryResponse out = lastOf(api, support, ann, "TRANSFERRED_OUT");
        assertEquals(ann.name(), out.agentName());
        assertEquals("Carla", out.customerName());
        assertEquals(billing.name(), out.otherQueueName());
        QueueLogEntryResponse in = lastOf(api, billing, ben, "TRANSFERRED_IN");
        assertEquals(ann.name(), in.agentName());
        assertEquals(support.name(), in.otherQueueName());
        // Billing's statistics measure the wait in billing's line: from the transfer, not the request.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StatisticsRow billed = api.get("api/v1/queues/" + billing.id() + "/statistics?zone=UTC&from=" + today
                + "&to=" + today.plusDays(1), organization.ownerToken()).expect(200).as(StatisticsResponse.class).total();
        double sinceTransfer = secondsBetween(in.at(), lastOf(api, billing, ben, "PICKED").at());
        assertEquals(sinceTransfer, billed.averageQueueingSeconds(), 0.25, "waited in billing");
        assertTrue(secondsBetween(lastOf(api, support, ann, "REQUESTED").at(), in.at()) >= 1);

        // Billing allows no transfers; and once ended, nothing is transferred.
        assertProblem(api.post(transfer, ben.token(), new TransferRequest(support.id())), 409, "transfer_not_allowed");
        api.post(audience + "/end", ben.token(), null).expect(200);
        api.put("api/v1/queues/" + billing.id() + "/settings", organization.ownerToken(),
                QueueSettingsRequest.basic(billing.name(), 10, false).withTransferQueueIds(List.of(support.id()))).expect(200);
        assertProblem(api.post(transfer, ben.token(), new TransferRequest(support.id())), 409, "audience_ended");
    }

    private static boolean isSystemLine(JsonObject frame) {
        return frame.getString("type").equals("message")
                && frame.getJsonObject("from").getString("role").equals("system");
    }

    private static double secondsBetween(String from, String to) {
        return Duration.between(OffsetDateTime.parse(from), OffsetDateTime.parse(to)).toMillis() / 1000.0;
    }

    private static QueueLogEntryResponse lastOf(Api api, QueueResponse queue, Api.Agent member, String kind) {
        return api.get("api/v1/queues/" + queue.id() + "/log", member.token()).expect(200)
                .asList(QueueLogEntryResponse.class).stream().filter(e -> e.kind().equals(kind))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + kind + " line in " + queue.name()));
    }

    private static String state(Api api, CustomerRequestResponse customer, Api.Agent agent) {
        return api.get("api/v1/audiences/" + customer.audienceId(), agent.token()).expect(200)
                .as(AudienceResponse.class).state();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        Problem problem = reply.problem();
        assertEquals(code, problem.code(), reply.body());
    }
}
