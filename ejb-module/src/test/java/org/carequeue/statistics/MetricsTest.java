package org.carequeue.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsRow;
import org.carequeue.audience.AudienceState;
import org.junit.jupiter.api.Test;

/** Every metric of a row, from audiences with fixed times. */
class MetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Bucket DAY = StatisticsPeriod.of("2026-11-02", "2026-11-03", "UTC", "daily", null).whole();

    private static AudienceFact audience(AudienceState state, Long pickedAfterMillis, Long endedAfterMillis,
                                         Integer rating, boolean endedByCustomer) {
        return new AudienceFact("a", "q", pickedAfterMillis == null ? null : "agent", state, T0, T0,
                pickedAfterMillis == null ? null : T0.plusMillis(pickedAfterMillis),
                endedAfterMillis == null ? null : T0.plusMillis(endedAfterMillis), rating, endedByCustomer);
    }

    @Test
    void aDayOfPicksDropsEndsAndRatings() {
        Metrics metrics = new Metrics(60);
        metrics.add(audience(AudienceState.COMPLETE, 10_000L, 130_000L, 1, false));  // waited 10 s, talked 120 s
        metrics.add(audience(AudienceState.FINISHED, 60_000L, 120_000L, -1, true));   // 60 s: still within target
        metrics.add(audience(AudienceState.FINISHED, 90_500L, 100_500L, 0, false));   // 90.5 s: beyond
        metrics.add(audience(AudienceState.ACCEPTED, 30_000L, null, null, false));    // still talking
        metrics.add(audience(AudienceState.DROPPED, null, 45_000L, null, false));     // left after 45 s
        metrics.add(audience(AudienceState.DROPPED, null, 15_250L, null, false));
        metrics.add(audience(AudienceState.REQUESTED, null, null, null, false));      // still waiting
        metrics.addRegisteredContact();
        metrics.addRegisteredContact();

        StatisticsRow row = metrics.row(DAY);
        assertEquals("2026-11-02T00:00:00Z", row.start());
        assertEquals("2026-11-03T00:00:00Z", row.end());
        assertEquals(7, row.conversations());
        assertEquals(4, row.accepted());
        assertEquals(2, row.dropped());
        assertEquals(1, row.waiting());
        assertEquals(1, row.abandonedAfterPick());
        assertEquals(2, row.registeredContacts());
        assertEquals(63.333, row.averageConversationSeconds());       // (120 + 60 + 10) / 3, to the millisecond
        assertEquals(47.625, row.averageQueueingSeconds());           // (10 + 60 + 90.5 + 30) / 4
        assertEquals(45.0, row.medianQueueingSeconds());              // between 30 and 60
        assertEquals(81.35, row.p90QueueingSeconds());                // 60 + 0.7 * 30.5
        assertEquals(30.125, row.exitToleranceSeconds());             // (45 + 15.25) / 2
        assertEquals(3 / 6.0, row.serviceLevel());                    // 10, 60, 30 of 4 picked + 2 dropped
        assertEquals(3, row.ratings());
        assertEquals(1, row.ratingsGood());
        assertEquals(1, row.ratingsOkay());
        assertEquals(1, row.ratingsPoor());
        assertEquals(0.5, row.averageRating());                       // (1.0 + 0.5 + 0.0) / 3
    }

    @Test
    void anEmptyRowHasZerosAndNoAverages() {
        StatisticsRow row = new Metrics(60).row(DAY);
        assertEquals(0, row.conversations());
        assertNull(row.averageConversationSeconds());
        assertNull(row.medianQueueingSeconds());
        assertNull(row.p90QueueingSeconds());
        assertNull(row.exitToleranceSeconds());
        assertNull(row.serviceLevel());
        assertNull(row.averageRating());
    }

    @Test
    void aBreakdownRowCountsTheSameWay() {
        Metrics metrics = new Metrics(60);
        metrics.add(audience(AudienceState.COMPLETE, 2_000L, 62_000L, 1, false));
        metrics.add(audience(AudienceState.COMPLETE, 4_000L, 34_000L, 0, false));
        metrics.add(audience(AudienceState.DROPPED, null, 5_000L, null, false));
        BreakdownRow row = metrics.breakdown("t1", "Billing / Refunds");
        assertEquals(new BreakdownRow("t1", "Billing / Refunds", 3, 2, 45.0, 3.0, 2, 0.75), row);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        long[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5.5, Percentiles.of(values, 10, 0.5));
        assertEquals(9.1, Percentiles.of(values, 10, 0.9), 1e-9);
        assertEquals(1.0, Percentiles.of(values, 10, 0.0));
        assertEquals(10.0, Percentiles.of(values, 10, 1.0));
        assertEquals(7.0, Percentiles.of(new long[]{7}, 1, 0.9));
        assertNull(Percentiles.of(new long[0], 0, 0.5));
    }
}
