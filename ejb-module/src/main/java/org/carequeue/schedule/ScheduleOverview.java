package org.carequeue.schedule;

import java.time.ZonedDateTime;

/**
 * A queue's schedule as the admin's editor shows it: the schedule itself (its JSON is exactly what
 * {@code GET .../schedule} answers) and its next opening and closing in the schedule's zone, null
 * when there is none (disabled, or nothing within a year).
 */
public record ScheduleOverview(String queueId, String queueName, QueueSchedule schedule, String json,
                               ZonedDateTime nextOpening, ZonedDateTime nextClosing) {
}
