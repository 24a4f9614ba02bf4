package org.carequeue.api.statistics;

/**
 * One audience behind a statistics row (drill-down). Times are ISO-8601 UTC; {@code agentId} is
 * the agent who holds it (null if nobody picked it); {@code rating} 1, 0, -1 or null.
 */
public record StatisticsAudience(String id, String customerName, String queueId, String queueName, String agentId,
                                 String agentName, String requestedAt, String acceptedAt, String endedAt,
                                 String state, Integer rating) {
}
