package org.carequeue.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitingLineTest {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theLongestWaitingCustomerIsFirst() {
        Map<String, Integer> positions = WaitingLine.positions(List.of(
                new WaitingLine.Waiting("c", NINE.plusMinutes(2)),
                new WaitingLine.Waiting("a", NINE),
                new WaitingLine.Waiting("b", NINE.plusMinutes(1))));
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), positions);
        assertEquals(List.of("a", "b", "c"), List.copyOf(positions.keySet()));
    }

    @Test
    void customersArrivingAtTheSameMomentAreOrderedByIdOnEveryNode() {
        Map<String, Integer> positions = WaitingLine.positions(List.of(
                new WaitingLine.Waiting("y", NINE),
                new WaitingLine.Waiting("x", NINE)));
        assertEquals(Map.of("x", 1, "y", 2), positions);
    }

    @Test
    void anEmptyLineHasNoPositions() {
        assertEquals(Map.of(), WaitingLine.positions(List.of()));
    }
}
