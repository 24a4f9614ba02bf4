/**
 * Statistics for operators: per queue or for the whole organization, over local dates in any time
 * zone, hourly, daily or monthly; by tag and by agent; the audiences behind each row.
 *
 * Decisions: statistics only read. They come from the audience rows (state, request, pick and end
 * times, rating, holder), their tags and the activity log, which transcript retention keeps, so
 * they are right by construction and survive the deletion of transcripts. An audience counts in
 * the interval of its request time. The database selects the period's audiences by index
 * ({@code audience (organization_id, requested_at)} and {@code (queue_id, requested_at)}); the
 * intervals (DST-correct, by java.time) and every metric, percentiles included, are computed here,
 * the same way on H2 and PostgreSQL. Periods are bounded per interval ({@link
 * org.carequeue.statistics.StatisticsInterval#maxDays()}). See docs/statistics.md.
 */
package org.carequeue.statistics;
