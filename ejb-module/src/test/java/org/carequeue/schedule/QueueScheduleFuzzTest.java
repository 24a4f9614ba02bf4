package org.carequeue.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carequeue.platform.InvalidInput;
import org.carequeue.schedule.QueueSchedule.Edge;

/**
 * The schedule JSON an operator pastes or a client PUTs: either a schedule that writes itself back
 * as the same schedule and computes its edges, or a refusal naming a field ({@link InvalidInput},
 * a 400), never another exception. Seeds: {@code QueueScheduleFuzzTestInputs/<method>}; longer
 * runs: docs/reliability.md.
 */
class QueueScheduleFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00Z");

    @FuzzTest(maxDuration = "2m")
    void anyJsonIsAScheduleOrARefusalNamingItsField(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        QueueSchedule schedule;
        try {
            schedule = QueueSchedule.parse(json);
        } catch (InvalidInput refused) {
            assertNotNull(refused.field(), "a refusal names the field at fault");
            return;
        }
        assertTrue(schedule.toJson().length() <= QueueSchedule.MAX_JSON_LENGTH);
        assertEquals(schedule, QueueSchedule.parse(schedule.toJson()), "a schedule reads back as itself");
        // A daylight-saving change (Europe's, this day) and a leap day: edges in order, no exception.
        for (LocalDate date : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2028, 2, 29))) {
            List<Edge> edges = schedule.edgesOn(date);
            for (int i = 1; i < edges.size(); i++) {
                assertTrue(!edges.get(i).at().isBefore(edges.get(i - 1).at()), "edges in order");
            }
        }
        schedule.latestDue(NOW.minusSeconds(86_400), NOW);
    }
}
