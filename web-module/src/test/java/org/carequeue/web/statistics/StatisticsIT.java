package org.carequeue.web.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.audience.CustomerRequestResponse;
import org.carequeue.api.audience.PickRequest;
import org.carequeue.api.audience.RatingRequest;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsAudience;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.api.statistics.StatisticsRow;
import org.carequeue.api.tag.AudienceTagsRequest;
import org.carequeue.api.tag.TagRequest;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * Statistics over a small scenario built through the real API (requests, picks, drops, ends by
 * either side, ratings, tags, two queues): every number of the interval rows, the totals, the tag
 * and agent tables, the CSV and the drill-down is checked against the audiences' own times as
 * their customers read them; then roles and refusals.
 */
class StatisticsIT extends AgainstBuiltWar {

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    /** What the scenario knows of one audience, read back as its customer sees it. */
    private record Seen(String id, String name, String queueId, String agentId, String state, Instant requested,
                        Instant accepted, Instant ended, Integer rating, boolean endedByCustomer) {
    }

    @Test
    void statisticsCountTheScenarioExactly() throws Exception {
        Api api = api();
        Api.Organization organization = api.signUp();
        String operator = organization.ownerToken();
        Api.Agent ann = api.agent(organization);
        Api.Agent bob = api.agent(organization);
        QueueResponse support = api.openQueue(organization, 20, ann, bob);
        QueueResponse billing = api.openQueue(organization, 20, ann);
        TagResponse money = api.post("api/v1/tags", operator, new TagRequest("Money", "#aa0000", null))
                .expect(201).as(TagResponse.class);
        TagResponse refunds = api.post("api/v1/tags", operator, new TagRequest("Refunds", "#00aa00", money.id()))
                .expect(201).as(TagResponse.class);

        CustomerRequestResponse amy = api.request(support.id(), "Amy", "Hi");
        // Amy waits beyond a one-second service level; the others are picked at once.
        Thread.sleep(1100);
        CustomerRequestResponse ben = api.request(support.id(), "Ben", "Hi");
        CustomerRequestResponse cid = api.request(support.id(), "Cid", "Hi");
        CustomerRequestResponse dee = api.request(support.id(), "Dee", "Hi");
        CustomerRequestResponse eve = api.request(support.id(), "Eve", "Hi");
        CustomerRequestResponse fay = api.request(billing.id(), "Fay", "Hi");
        // Dee keeps her place with an open socket while the test reads the statistics.
        try (ChatSocket deeWaits = ChatSocket.authenticated(api, dee.customerToken())) {
            pick(api, support, ann, amy);
            pick(api, support, bob, ben);
            api.post("api/v1/audiences/" + cid.audienceId() + "/end", cid.customerToken(), null).expect(200);
            pick(api, support, ann, eve);
            pick(api, billing, ann, fay);
            api.put("api/v1/audiences/" + amy.audienceId() + "/tags", ann.token(),
                    new AudienceTagsRequest(List.of(money.id(), refunds.id()))).expect(200);
            api.put("api/v1/audiences/" + ben.audienceId() + "/tags", bob.token(),
                    new AudienceTagsRequest(List.of(money.id()))).expect(200);
            api.put("api/v1/audiences/" + fay.audienceId() + "/tags", ann.token(),
                    new AudienceTagsRequest(List.of(refunds.id()))).expect(200);
            api.post("api/v1/audiences/" + amy.audienceId() + "/end-and-hide", ann.token(), null).expect(200);
            api.post("api/v1/audiences/" + ben.audienceId() + "/end", ben.customerToken(), null).expect(200);
            api.post("api/v1/audiences/" + ben.audienceId() + "/end-and-hide", bob.token(), null).expect(200);
            api.post("api/v1/audiences/" + fay.audienceId() + "/end-and-hide", ann.token(), null).expect(200);
            api.post("api/v1/audiences/" + amy.audienceId() + "/rating", amy.customerToken(), new RatingRequest(1)).expect(200);
            api.post("api/v1/audiences/" + ben.audienceId() + "/rating", ben.customerToken(), new RatingRequest(-1)).expect(200);
            api.post("api/v1/audiences/" + fay.audienceId() + "/rating", fay.customerToken(), new RatingRequest(0)).expect(200);

            Seen sAmy = seen(api, amy, ann, false);
            Seen sBen = seen(api, ben, bob, true);
            Seen sCid = seen(api, cid, null, false);
            Seen sDee = seen(api, dee, null, false);
            Seen sEve = seen(api, eve, ann, false);
            Seen sFay = seen(api, fay, ann, false);
            assertEquals(List.of("COMPLETE", "COMPLETE", "DROPPED", "REQUESTED", "ACCEPTED", "COMPLETE"),
                    List.of(sAmy.state(), sBen.state(), sCid.state(), sDee.state(), sEve.state(), sFay.state()));
            List<Seen> inSupport = List.of(sAmy, sBen, sCid, sDee, sEve);
            List<Seen> all = List.of(sAmy, sBen, sCid, sDee, sEve, sFay);

            // Two local days around today, so the scenario is in one of them whatever the hour.
            LocalDate today = LocalDate.now(ZONE);
            String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&zone=" + ZONE;

            StatisticsResponse queue = api.get("api/v1/queues/" + support.id() + "/statistics?" + period, operator)
                    .expect(200).as(StatisticsResponse.class);
            assertEquals(support.id(), queue.queueId());
            assertEquals("DAILY", queue.interval());
            assertEquals(60, queue.serviceLevelSeconds());
            assertRows(queue, inSupport, 60);

            StatisticsResponse strict = api.get("api/v1/queues/" + support.id() + "/statistics?" + period
                    + "&serviceLevelSeconds=1&interval=hourly", operator).expect(200).as(StatisticsResponse.class);
            assertEquals(Duration.between(today.minusDays(1).atStartOfDay(ZONE), today.plusDays(1).atStartOfDay(ZONE))
                    .toHours(), strict.rows().size());
            assertRows(strict, inSupport, 1);
            assertTrue(strict.total().serviceLevel() < queue.total().serviceLevel(), "Amy waited beyond the second");
            // The contract's names (api.md): timeZone and HOUR|DAY|MONTH answer the same numbers.
            StatisticsResponse contract = api.get("api/v1/queues/" + support.id() + "/statistics?from="
                    + today.minusDays(1) + "&to=" + today.plusDays(1) + "&timeZone=" + ZONE
                    + "&serviceLevelSeconds=1&interval=HOUR", operator).expect(200).as(StatisticsResponse.class);
            assertEquals("HOURLY", contract.interval());
            assertEquals(strict.rows(), contract.rows());

            StatisticsResponse everything = api.get("api/v1/statistics?" + period, operator)
                    .expect(200).as(StatisticsResponse.class);
            assertEquals(null, everything.queueId());
            assertRows(everything, all, 60);

            // By tag and by agent: all queues, and one queue.
            BreakdownResponse tags = api.get("api/v1/statistics/tags?" + period, operator).expect(200)
                    .as(BreakdownResponse.class);
            assertEquals(List.of(breakdown(money.id(), "Money", List.of(sAmy, sBen)),
                    breakdown(refunds.id(), "Money / Refunds", List.of(sAmy, sFay))), tags.rows());
            assertEquals(List.of(breakdown(money.id(), "Money", List.of(sAmy, sBen)),
                    breakdown(refunds.id(), "Money / Refunds", List.of(sAmy))),
                    api.get("api/v1/queues/" + support.id() + "/statistics/tags?" + period, operator).expect(200)
                            .as(BreakdownResponse.class).rows());
            List<BreakdownRow> agents = api.get("api/v1/statistics/agents?" + period, operator).expect(200)
                    .as(BreakdownResponse.class).rows();
            assertEquals(Stream.of(breakdown(ann.id(), ann.name(), List.of(sAmy, sEve, sFay)),
                    breakdown(bob.id(), bob.name(), List.of(sBen))).sorted(Comparator.comparing(BreakdownRow::name)).toList(),
                    agents);

            // CSV: the same numbers as the JSON, with a file name.
            HttpResponse<String> csv = csv(api, "api/v1/queues/" + support.id() + "/statistics?" + period, operator);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertEquals("attachment; filename=\"statistics-" + today.minusDays(1) + "-" + today.plusDays(1) + ".csv\"",
                    csv.headers().firstValue("Content-Disposition").orElse(""));
            List<String> lines = csv.body().lines().toList();
            assertEquals(1 + queue.rows().size() + 1, lines.size());
            assertEquals("row," + String.join(",", Arrays.stream(StatisticsRow.class.getRecordComponents())
                    .map(c -> c.getName()).toList()), lines.get(0));
            for (int i = 0; i < queue.rows().size(); i++) {
                assertEquals("interval," + cells(queue.rows().get(i)), lines.get(i + 1));
            }
            assertEquals("total," + cells(queue.total()), lines.get(lines.size() - 1));
            List<String> agentLines = csv(api, "api/v1/statistics/agents?" + period, operator).body().lines().toList();
            assertEquals(List.of("id,name,audiences,accepted,averageConversationSeconds,averageQueueingSeconds,ratings,averageRating",
                    cells(agents.get(0)), cells(agents.get(1))), agentLines);

            // Drill-down: the audiences behind the day's row, a tag, an agent; paged.
            StatisticsRow day = queue.rows().stream().filter(r -> r.conversations() > 0).findFirst().orElseThrow();
            StatisticsAudiencePage rowAudiences = api.get("api/v1/queues/" + support.id() + "/statistics/audiences?"
                    + period + "&bucketStart=" + encode(day.start()), operator).expect(200).as(StatisticsAudiencePage.class);
            assertEquals(5, rowAudiences.total());
            assertEquals(inSupport.stream().map(s -> drillDown(s, support, billing, ann, bob)).toList(),
                    rowAudiences.audiences());
            StatisticsAudiencePage secondPage = api.get("api/v1/statistics/audiences?" + period + "&queueId=" + support.id()
                    + "&page=1&size=2", operator).expect(200).as(StatisticsAudiencePage.class);
            assertEquals(List.of(sCid.id(), sDee.id()), ids(secondPage));
            assertEquals(5, secondPage.total());
            assertEquals(List.of(sAmy.id(), sFay.id()), ids(api.get("api/v1/statistics/audiences?" + period
                    + "&tagId=" + refunds.id(), operator).expect(200).as(StatisticsAudiencePage.class)));
            assertEquals(List.of(sAmy.id(), sEve.id()), ids(api.get("api/v1/queues/" + support.id()
                    + "/statistics/audiences?" + period + "&agentId=" + ann.id(), operator).expect(200)
                    .as(StatisticsAudiencePage.class)));
            StatisticsRow otherDay = queue.rows().stream().filter(r -> r.conversations() == 0).findFirst().orElseThrow();
            assertEquals(0, api.get("api/v1/statistics/audiences?" + period + "&bucketStart=" + encode(otherDay.start()),
                    operator).expect(200).as(StatisticsAudiencePage.class).total());
            List<String> drillCsv = csv(api, "api/v1/statistics/audiences?" + period + "&agentId=" + bob.id(), operator)
                    .body().lines().toList();
            assertEquals(2, drillCsv.size());
            assertTrue(drillCsv.get(1).startsWith(sBen.id() + ",Ben," + support.id() + ","), drillCsv.get(1));

            // Operators only, of their own organization; bad periods are 400 naming the field.
            assertEquals(403, api.get("api/v1/statistics?" + period, ann.token()).status());
            assertEquals(403, api.get("api/v1/queues/" + support.id() + "/statistics?" + period, ann.token()).status());
            Api.Organization other = api.signUp();
            assertEquals("queue_not_found", api.get("api/v1/queues/" + support.id() + "/statistics?" + period,
                    other.ownerToken()).expect(404).problem().code());
            assertEquals(0, api.get("api/v1/statistics?" + period, other.ownerToken()).expect(200)
                    .as(StatisticsResponse.class).total().conversations());
            Map<String, String> refusals = Map.of(
                    "from=" + today + "&to=" + today, "to",
                    "from=" + today + "&to=" + today.plusDays(94) + "&interval=hourly", "to",
                    "from=" + today + "&to=" + today.plusDays(1) + "&zone=Mars/Olympus_Mons", "zone",
                    "from=" + today + "&to=" + today.plusDays(1) + "&timeZone=Mars/Olympus_Mons", "timeZone",
                    "from=" + today + "&to=" + today.plusDays(1) + "&timeZone=UTC&zone=" + ZONE, "timeZone",
                    "from=" + today + "&to=" + today.plusDays(1) + "&interval=weekly", "interval",
                    "from=" + today + "&to=" + today.plusDays(1) + "&serviceLevelSeconds=soon", "serviceLevelSeconds",
                    "from=" + today + "&to=" + today.plusDays(1) + "&serviceLevelSeconds=0", "serviceLevelSeconds",
                    "to=" + today.plusDays(1), "from");
            refusals.forEach((query, field) -> {
                Api.Reply reply = api.get("api/v1/queues/" + support.id() + "/statistics?" + query, operator);
                assertEquals(400, reply.status(), query + ": " + reply.body());
                assertEquals(field, reply.problem().field(), query);
                assertEquals("validation_failed", reply.problem().code(), query);
            });
            assertEquals("bucketStart", api.get("api/v1/statistics/audiences?" + period + "&bucketStart=2001-01-01T00:00:00Z",
                    operator).expect(400).problem().field());
            assertEquals("size", api.get("api/v1/statistics/audiences?" + period + "&size=201", operator)
                    .expect(400).problem().field());
        }
    }

    private static void pick(Api api, QueueResponse queue, Api.Agent agent, CustomerRequestResponse customer) {
        api.post("api/v1/queues/" + queue.id() + "/pick", agent.token(), new PickRequest(customer.audienceId())).expect(200);
    }

    private static Seen seen(Api api, CustomerRequestResponse customer, Api.Agent agent, boolean endedByCustomer) {
        AudienceResponse a = api.get("api/v1/audiences/" + customer.audienceId(), customer.customerToken())
                .expect(200).as(AudienceResponse.class);
        return new Seen(a.audienceId(), a.customerName(), a.queueId(), agent == null ? null : agent.id(), a.state(),
                instant(a.requestedAt()), instant(a.acceptedAt()), instant(a.endedAt()), a.rating(), endedByCustomer);
    }

    /** Every row holds exactly the scenario's audiences requested in it; the total holds all. */
    private static void assertRows(StatisticsResponse response, List<Seen> audiences, int serviceLevelSeconds) {
        Instant periodStart = OffsetDateTime.parse(response.rows().get(0).start()).toInstant();
        Instant previousEnd = periodStart;
        for (StatisticsRow row : response.rows()) {
            Instant start = OffsetDateTime.parse(row.start()).toInstant();
            Instant end = OffsetDateTime.parse(row.end()).toInstant();
            assertEquals(previousEnd, start, "rows follow each other without gaps");
            assertEquals(ZONE.getRules().getOffset(start), OffsetDateTime.parse(row.start()).getOffset());
            previousEnd = end;
            assertEquals(expected(row.start(), row.end(), audiences.stream()
                    .filter(a -> !a.requested().isBefore(start) && a.requested().isBefore(end)).toList(),
                    serviceLevelSeconds), row);
        }
        StatisticsRow total = response.total();
        assertEquals(periodStart, OffsetDateTime.parse(total.start()).toInstant());
        assertEquals(previousEnd, OffsetDateTime.parse(total.end()).toInstant());
        assertEquals(expected(total.start(), total.end(), audiences, serviceLevelSeconds), total);
    }

    /** The metrics as docs/statistics.md defines them, from the audiences' times (milliseconds, truncated). */
    private static StatisticsRow expected(String start, String end, List<Seen> audiences, int serviceLevelSeconds) {
        List<Seen> accepted = audiences.stream().filter(a -> a.accepted() != null).toList();
        List<Seen> dropped = audiences.stream().filter(a -> a.state().equals("DROPPED")).toList();
        List<Seen> ended = accepted.stream().filter(a -> a.ended() != null).toList();
        List<Seen> rated = audiences.stream().filter(a -> a.rating() != null).toList();
        long[] waits = accepted.stream().mapToLong(a -> millis(a.requested(), a.accepted())).sorted().toArray();
        long withinTarget = Arrays.stream(waits).filter(w -> w <= serviceLevelSeconds * 1000L).count();
        return new StatisticsRow(start, end, audiences.size(), accepted.size(), dropped.size(),
                count(audiences, a -> a.state().equals("REQUESTED")), count(accepted, Seen::endedByCustomer), 0,
                average(ended.stream().mapToLong(a -> millis(a.accepted(), a.ended())).toArray()), average(waits),
                percentile(waits, 0.5), percentile(waits, 0.9),
                average(dropped.stream().mapToLong(a -> millis(a.requested(), a.ended())).toArray()),
                accepted.size() + dropped.size() == 0 ? null : (double) withinTarget / (accepted.size() + dropped.size()),
                rated.size(), count(rated, a -> a.rating() == 1), count(rated, a -> a.rating() == 0),
                count(rated, a -> a.rating() == -1), rated.isEmpty() ? null
                : rated.stream().mapToDouble(a -> (a.rating() + 1) / 2.0).sum() / rated.size());
    }

    private static BreakdownRow breakdown(String id, String name, List<Seen> audiences) {
        StatisticsRow row = expected(null, null, audiences, 60);
        return new BreakdownRow(id, name, row.conversations(), row.accepted(), row.averageConversationSeconds(),
                row.averageQueueingSeconds(), row.ratings(), row.averageRating());
    }

    private static StatisticsAudience drillDown(Seen a, QueueResponse support, QueueResponse billing, Api.Agent ann,
                                                Api.Agent bob) {
        String agentName = a.agentId() == null ? null : a.agentId().equals(ann.id()) ? ann.name() : bob.name();
        return new StatisticsAudience(a.id(), a.name(), a.queueId(),
                a.queueId().equals(support.id()) ? support.name() : billing.name(), a.agentId(), agentName,
                a.requested().toString(), a.accepted() == null ? null : a.accepted().toString(),
                a.ended() == null ? null : a.ended().toString(), a.state(), a.rating());
    }

    private static long count(List<Seen> audiences, Predicate<Seen> test) {
        return audiences.stream().filter(test).count();
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static Double average(long[] millis) {
        return millis.length == 0 ? null : Math.round((double) Arrays.stream(millis).sum() / millis.length) / 1000.0;
    }

    private static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = (sorted.length - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return Math.round(sorted[below] + (rank - below) * (sorted[above] - sorted[below])) / 1000.0;
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static List<String> ids(StatisticsAudiencePage page) {
        return page.audiences().stream().map(StatisticsAudience::id).toList();
    }

    private static String encode(String value) {
        return value.replace("+", "%2B");
    }

    /** A record's values as the CSV writes them: numbers as Java prints them, nothing for null. */
    private static String cells(Record row) {
        List<String> cells = new ArrayList<>();
        for (var component : row.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(row);
                cells.add(value == null ? "" : value.toString());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return String.join(",", cells);
    }

    private static HttpResponse<String> csv(Api api, String path, String token) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Accept", "text/csv").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
