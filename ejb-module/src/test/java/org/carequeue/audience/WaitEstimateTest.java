package org.carequeue.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The estimated wait: position times the median gap between recent picks, or none without enough of them. */
class WaitEstimateTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 12, 3, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void fewerThanFivePicksIsNotEnoughHistory() {
        WaitEstimate estimate = WaitEstimate.fromPicks(picksEvery(60, 4), NOON);
        assertNull(estimate.secondsAt(1));
        assertNull(WaitEstimate.fromPicks(List.of(), NOON).secondsAt(3));
    }

    @Test
    void positionTimesTheMedianGap() {
        // Picks a minute apart, the last one a minute ago: every gap is 60 s.
        WaitEstimate estimate = WaitEstimate.fromPicks(picksEvery(60, 5), NOON);
        assertEquals(60, estimate.secondsAt(1));
        assertEquals(180, estimate.secondsAt(3));
        assertNull(estimate.secondsAt(null), "not waiting: no estimate");
    }

    @Test
    void oneLongBreakDoesNotSwingIt() {
        // Gaps 30, 30, 30, 3000 (a break), 30 and 30 since the last pick: the median is 30.
        List<OffsetDateTime> picks = List.of(NOON.minusSeconds(3150), NOON.minusSeconds(3120), NOON.minusSeconds(3090),
                NOON.minusSeconds(3060), NOON.minusSeconds(60), NOON.minusSeconds(30));
        assertEquals(60, WaitEstimate.fromPicks(picks, NOON).secondsAt(2));
    }

    @Test
    void aQueueThatStoppedPickingRaisesTheEstimate() {
        // Five picks 10 s apart, then nothing for 20 minutes: gaps 10, 10, 10, 10 and 1200; median 10.
        List<OffsetDateTime> fast = picksEvery(10, 5).stream().map(t -> t.minusSeconds(1190)).toList();
        assertEquals(10, WaitEstimate.fromPicks(fast, NOON).secondsAt(1));
        // Six picks where the last three gaps are long: 10, 10, 600, 600 and 600 since: median 600.
        List<OffsetDateTime> slowing = List.of(NOON.minusSeconds(1820), NOON.minusSeconds(1810), NOON.minusSeconds(1800),
                NOON.minusSeconds(1200), NOON.minusSeconds(600));
        assertEquals(600, WaitEstimate.fromPicks(slowing, NOON).secondsAt(1));
    }

    @Test
    void theOrderOfThePicksDoesNotMatterAndAnEvenCountAveragesTheMiddleTwo() {
        // Gaps 20, 40, 60, 80 and 100 since the last: median 60; unsorted input.
        List<OffsetDateTime> picks = List.of(NOON.minusSeconds(100), NOON.minusSeconds(300), NOON.minusSeconds(180),
                NOON.minusSeconds(280), NOON.minusSeconds(240));
        assertEquals(60, WaitEstimate.fromPicks(picks, NOON).secondsAt(1));
        // Gaps 10, 20, 30, 40 and 50, then 60 since the last: six gaps, median (30 + 40) / 2 = 35.
        List<OffsetDateTime> even = List.of(NOON.minusSeconds(210), NOON.minusSeconds(200), NOON.minusSeconds(180),
                NOON.minusSeconds(150), NOON.minusSeconds(110), NOON.minusSeconds(60));
        assertEquals(70, WaitEstimate.fromPicks(even, NOON).secondsAt(2));
    }

    @Test
    void picksInTheSameInstantStillPromiseASecondAPlace() {
        List<OffsetDateTime> burst = IntStream.range(0, 6).mapToObj(i -> NOON).toList();
        assertEquals(4, WaitEstimate.fromPicks(burst, NOON).secondsAt(4));
    }

    /** {@code count} picks {@code seconds} apart, the last one {@code seconds} before noon. */
    private static List<OffsetDateTime> picksEvery(int seconds, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> NOON.minusSeconds((long) seconds * i)).toList();
    }
}
