package org.carequeue.api.statistics;

import java.util.List;

/** One page of a drill-down, oldest request first, and how many audiences match in all. */
public record StatisticsAudiencePage(List<StatisticsAudience> audiences, long total, int page, int size) {
}
