package org.carequeue.api.statistics;

import java.util.List;

/**
 * A queue's statistics ({@code queueId}), or all queues' of the organization ({@code queueId}
 * null), over the local dates {@code [from, to)} in {@code zone}: one row per interval, in time
 * order (intervals without audiences included, with zeros), and the total of the whole period.
 */
public record StatisticsResponse(String queueId, String from, String to, String zone, String interval,
                                 int serviceLevelSeconds, List<StatisticsRow> rows, StatisticsRow total) {
}
