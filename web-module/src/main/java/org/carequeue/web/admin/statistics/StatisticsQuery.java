package org.carequeue.web.admin.statistics;

import java.io.Serializable;
import java.time.LocalDate;
import org.carequeue.statistics.StatisticsPeriod;

/**
 * What the statistics page shows: a queue (null: all queues), the local dates {@code from} to
 * {@code through} inclusive, as people pick them, and the rest as the engine takes it.
 */
record StatisticsQuery(String queueId, LocalDate from, LocalDate through, String zone, String interval,
                       Integer serviceLevelSeconds) implements Serializable {

    /** The engine's period, whose end is exclusive; refuses the fields at fault as the API does. */
    StatisticsPeriod period() {
        return StatisticsPeriod.of(from == null ? null : from.toString(),
                through == null ? null : through.plusDays(1).toString(), zone, interval, serviceLevelSeconds);
    }
}
