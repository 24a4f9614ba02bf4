package org.carequeue.web.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.carequeue.api.problem.Problem;
import org.carequeue.api.queue.PublicQueueResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.Schedules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue schedules on real time: the timer opens and closes a queue within a minute. */
class ScheduleIT extends AgainstBuiltWar {

    private static final Duration WAIT = Duration.ofSeconds(40);

    Api api;
    Api.Organization organization;
    Api.Agent member;
    QueueResponse queue;

    @BeforeEach
    void closedQueue() {
        api = api();
        organization = api.signUp();
        member = api.agent(organization);
        queue = api.openQueue(organization, 10, member);
        api.post("api/v1/queues/" + queue.id() + "/close", member.token(), null).expect(200);
    }

    @Test
    void aScheduleOpensAndClosesTheQueueAndSaysSoInTheLog() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime opens = now.plusSeconds(12);
        String saved = api.putJson(schedule(), organization.ownerToken(), Schedules.openingAt(opens, now.plusSeconds(24)))
                .expect(200).body();
        assertEquals(saved, api.get(schedule(), organization.ownerToken()).expect(200).body(), "stored as answered");
        assertEquals(opens.toInstant(), Instant.parse(publicView().nextOpenAt()), "customers see when it opens");

        awaitState("OPEN");
        assertEquals(null, publicView().nextOpenAt(), "an open queue has no next opening");
        awaitState("CLOSED");
        assertEquals(List.of("OPENED_BY_SCHEDULE", "CLOSED_BY_SCHEDULE"), scheduleLog());
    }

    @Test
    void openingByHandWinsUntilTheNextEdge() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        api.putJson(schedule(), organization.ownerToken(), Schedules.openingAt(now.plusSeconds(12), null)).expect(200);
        awaitState("OPEN");
        api.post("api/v1/queues/" + queue.id() + "/close", member.token(), null).expect(200);
        Thread.sleep(7_000);    // more than a timer tick: the edge already applied does not open it again
        assertEquals("CLOSED", state());
        assertEquals(List.of("OPENED_BY_SCHEDULE"), scheduleLog());
    }

    @Test
    void invalidSchedulesAreRefusedWithTheFieldNamedAndChangeNothing() {
        String before = api.get(schedule(), organization.ownerToken()).expect(200).body();
        Problem badTime = api.putJson(schedule(), organization.ownerToken(),
                "{\"timezone\":\"UTC\",\"week\":[[\"9:00\",\"25:00\"],null,null,null,null,null,null]}").problem();
        assertEquals(400, badTime.status());
        assertEquals("validation_failed", badTime.code());
        assertEquals("week[0][1]", badTime.field());
        assertEquals("timezone", api.putJson(schedule(), organization.ownerToken(),
                "{\"timezone\":\"Moon/Base\",\"week\":[null,null,null,null,null,null,null]}").problem().field());
        assertEquals("schedule", api.putJson(schedule(), organization.ownerToken(), "{not json").problem().field());
        assertEquals(before, api.get(schedule(), organization.ownerToken()).expect(200).body());
    }

    @Test
    void onlyOperatorsReadAndChangeSchedules() {
        assertEquals(403, api.get(schedule(), member.token()).status());
        assertEquals(403, api.putJson(schedule(), member.token(),
                "{\"timezone\":\"UTC\",\"week\":[null,null,null,null,null,null,null]}").status());
        Api.Organization other = api.signUp();
        assertEquals(404, api.get(schedule(), other.ownerToken()).status());
    }

    private String schedule() {
        return "api/v1/queues/" + queue.id() + "/schedule";
    }

    private PublicQueueResponse publicView() {
        return api.get("api/v1/organizations/" + organization.id() + "/queues", null).expect(200)
                .asList(PublicQueueResponse.class).stream().filter(q -> q.id().equals(queue.id())).findFirst().orElseThrow();
    }

    private String state() {
        return publicView().state();
    }

    private void awaitState(String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!expected.equals(state())) {
            assertTrue(Instant.now().isBefore(deadline), "the queue did not become " + expected + " within " + WAIT);
            Thread.sleep(500);
        }
    }

    private List<String> scheduleLog() {
        return api.get("api/v1/queues/" + queue.id() + "/log", member.token()).expect(200)
                .asList(QueueLogEntryResponse.class).stream()
                .sorted(Comparator.comparingLong(QueueLogEntryResponse::id))
                .map(QueueLogEntryResponse::kind)
                .filter(kind -> kind.endsWith("_BY_SCHEDULE")).toList();
    }
}
