package org.carequeue.schedule;

import java.time.ZonedDateTime;

/**
 * A queue's schedule: the schedule itself, its JSON (what {@code GET .../schedule} answers and the
 * admin exports), and its next opening and closing in the schedule's zone, null when there is none
 * (disabled, or nothing within a year).
 */
public record ScheduleOverview(String queueName, QueueSchedule schedule, String json,
                               ZonedDateTime nextOpening, ZonedDateTime nextClosing) {
}
