package org.carequeue.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.carequeue.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/** Intervals by the zone's local time, DST included, and the refusals of a period. */
class StatisticsPeriodTest {

    private static List<String> starts(StatisticsPeriod period) {
        return period.buckets().stream().map(Bucket::startText).toList();
    }

    @Test
    void daysStartAtLocalMidnightAndADstDayIsShorter() {
        // Europe/Helsinki moves from +02:00 to +03:00 at 03:00 on 2026-03-29.
        StatisticsPeriod period = StatisticsPeriod.of("2026-03-28", "2026-03-31", "Europe/Helsinki", "daily", null);
        assertEquals(List.of("2026-03-28T00:00:00+02:00", "2026-03-29T00:00:00+02:00", "2026-03-30T00:00:00+03:00"),
                starts(period));
        Bucket dstDay = period.buckets().get(1);
        assertEquals(23 * 3600, dstDay.end().toEpochSecond() - dstDay.start().toEpochSecond());
        assertEquals(Instant.parse("2026-03-27T22:00:00Z"), period.start());
        assertEquals(Instant.parse("2026-03-30T21:00:00Z"), period.end());
    }

    @Test
    void hoursSkipTheMissingHourAndRepeatTheDoubledOneWithItsOffset() {
        StatisticsPeriod spring = StatisticsPeriod.of("2026-03-29", "2026-03-30", "Europe/Helsinki", "HOURLY", null);
        assertEquals(23, spring.buckets().size());
        assertEquals(List.of("2026-03-29T02:00:00+02:00", "2026-03-29T04:00:00+03:00"), starts(spring).subList(2, 4));

        // Back from +03:00 to +02:00 at 04:00 on 2026-10-25: 03:00 comes twice.
        StatisticsPeriod autumn = StatisticsPeriod.of("2026-10-25", "2026-10-26", "Europe/Helsinki", "hourly", null);
        assertEquals(25, autumn.buckets().size());
        assertEquals(List.of("2026-10-25T03:00:00+03:00", "2026-10-25T03:00:00+02:00", "2026-10-25T04:00:00+02:00"),
                starts(autumn).subList(3, 6));
    }

    @Test
    void aZoneWithAHalfHourShiftStillGetsWholeLocalHours() {
        // Australia/Lord_Howe moves from +10:30 to +11:00 at 02:00 on 2026-10-04.
        StatisticsPeriod period = StatisticsPeriod.of("2026-10-04", "2026-10-05", "Australia/Lord_Howe", "hourly", null);
        List<Bucket> buckets = period.buckets();
        assertEquals("2026-10-04T01:00:00+10:30", buckets.get(1).startText());
        // Local 02:00-02:30 does not exist: the local hour 1 ends at 02:30, and the hour 2 is half an hour.
        assertEquals("2026-10-04T02:30:00+11:00", buckets.get(2).startText());
        assertEquals("2026-10-04T03:00:00+11:00", buckets.get(3).startText());
        assertEquals(period.end(), buckets.get(buckets.size() - 1).end().toInstant());
    }

    @Test
    void monthsAreCalendarMonthsWithPartialEnds() {
        StatisticsPeriod period = StatisticsPeriod.of("2026-01-15", "2026-04-10", "America/New_York", "monthly", 30);
        assertEquals(List.of("2026-01-15T00:00:00-05:00", "2026-02-01T00:00:00-05:00", "2026-03-01T00:00:00-05:00",
                "2026-04-01T00:00:00-04:00"), starts(period));
        assertEquals("2026-04-10T00:00:00-04:00", period.buckets().get(3).endText());
        assertEquals(30, period.serviceLevelSeconds());
    }

    @Test
    void anInstantFallsInTheBucketThatHoldsIt() {
        StatisticsPeriod period = StatisticsPeriod.of("2026-10-25", "2026-10-26", "Europe/Helsinki", "hourly", null);
        List<Bucket> buckets = period.buckets();
        Instant secondThreeOClock = OffsetDateTime.parse("2026-10-25T03:59:59+02:00").toInstant();
        assertEquals(4, Statistics.indexOf(buckets, secondThreeOClock));
        assertEquals(0, Statistics.indexOf(buckets, period.start()));
        assertEquals(24, Statistics.indexOf(buckets, period.end().minusNanos(1000)));
        for (int i = 0; i < buckets.size(); i++) {
            assertEquals(i, Statistics.indexOf(buckets, buckets.get(i).start().toInstant()));
        }
    }

    @Test
    void defaultsAreUtcDailyAndSixtySeconds() {
        StatisticsPeriod period = StatisticsPeriod.of("2026-11-01", "2026-12-01", null, null, null);
        assertEquals("UTC", period.zone().getId());
        assertEquals(StatisticsInterval.DAILY, period.interval());
        assertEquals(60, period.serviceLevelSeconds());
        assertEquals(30, period.buckets().size());
    }

    @Test
    void intervalsTakeTheContractsNamesAndTheLongOnes() {
        for (String[] names : new String[][]{{"HOUR", "hourly"}, {"DAY", "Daily"}, {"MONTH", "MONTHLY"}}) {
            StatisticsPeriod contract = StatisticsPeriod.of("2026-11-01", "2026-11-03", "UTC", names[0], null);
            StatisticsPeriod longName = StatisticsPeriod.of("2026-11-01", "2026-11-03", "UTC", names[1], null);
            assertEquals(longName.interval(), contract.interval());
        }
        assertEquals(StatisticsInterval.HOURLY,
                StatisticsPeriod.of("2026-11-01", "2026-11-03", "UTC", "HOUR", null).interval());
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        assertEquals("to", refusal("2026-11-02", "2026-11-02", "UTC", "daily", null));
        assertEquals("to", refusal("2026-11-02", "2026-11-01", "UTC", "daily", null));
        assertEquals("to", refusal("2026-01-01", "2026-04-05", "UTC", "hourly", null));
        assertEquals("from", refusal("2026-13-01", "2026-12-01", "UTC", "daily", null));
        assertEquals("from", refusal(null, "2026-12-01", "UTC", "daily", null));
        assertEquals("zone", refusal("2026-11-01", "2026-12-01", "Mars/Olympus", "daily", null));
        assertEquals("interval", refusal("2026-11-01", "2026-12-01", "UTC", "weekly", null));
        assertEquals("serviceLevelSeconds", refusal("2026-11-01", "2026-12-01", "UTC", "daily", 0));
        StatisticsPeriod period = StatisticsPeriod.of("2026-11-01", "2026-11-03", "UTC", "daily", null);
        assertEquals("bucketStart", assertThrows(InvalidInput.class,
                () -> period.bucketStartingAt("2026-11-01T12:00:00Z")).field());
        assertEquals(period.buckets().get(1), period.bucketStartingAt("2026-11-02T02:00:00+02:00"));
        // 93 days of hours is the most.
        assertEquals(93 * 24, StatisticsPeriod.of("2026-01-01", "2026-04-04", "UTC", "hourly", null).buckets().size());
    }

    private static String refusal(String from, String to, String zone, String interval, Integer serviceLevel) {
        return assertThrows(InvalidInput.class, () -> StatisticsPeriod.of(from, to, zone, interval, serviceLevel)).field();
    }
}
