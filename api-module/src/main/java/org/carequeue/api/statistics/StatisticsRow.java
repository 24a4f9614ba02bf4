package org.carequeue.api.statistics;

/**
 * The metrics of one interval (or of the whole period, as the total row). An audience counts in
 * the interval of its request time ({@code requestedAt}), whatever happened to it later; a
 * registered contact in the interval of its log line. Durations are seconds, to the millisecond;
 * {@code null} where nothing was there to average. The full definitions: docs/statistics.md.
 *
 * @param start                      the interval's first instant, in the period's zone (ISO-8601 with offset)
 * @param end                        the instant after it (exclusive)
 * @param conversations              audiences requested: {@code accepted + dropped + waiting}
 * @param accepted                   of those, picked by an agent (talking, ended or complete now)
 * @param dropped                    of those, the customer left while waiting: abandoned in the queue
 * @param waiting                    of those, still waiting now
 * @param abandonedAfterPick         accepted ones the customer ended rather than the agent
 * @param registeredContacts         registered-contact lines of the activity log
 * @param averageConversationSeconds ended conversations: from the pick to the end
 * @param averageQueueingSeconds     accepted ones: from the request to the pick
 * @param medianQueueingSeconds      the same, the median (linear interpolation between ranks)
 * @param p90QueueingSeconds         the same, the 90th percentile (linear interpolation)
 * @param exitToleranceSeconds       dropped ones: from the request to leaving the line
 * @param serviceLevel               accepted within the target, over {@code accepted + dropped}; 0.0-1.0
 * @param ratings                    rated audiences ({@code ratingsGood + ratingsOkay + ratingsPoor})
 * @param averageRating              the average rating, poor 0.0, okay 0.5, good 1.0
 */
public record StatisticsRow(String start, String end, long conversations, long accepted, long dropped,
                            long waiting, long abandonedAfterPick, long registeredContacts,
                            Double averageConversationSeconds, Double averageQueueingSeconds,
                            Double medianQueueingSeconds, Double p90QueueingSeconds, Double exitToleranceSeconds,
                            Double serviceLevel, long ratings, long ratingsGood, long ratingsOkay, long ratingsPoor,
                            Double averageRating) {
}
