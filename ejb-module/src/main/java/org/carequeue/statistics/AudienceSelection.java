package org.carequeue.statistics;

/**
 * Which of a period's audiences a drill-down lists; each part is optional (null: any): a queue, a
 * tag they carry, the agent who holds them, and a row of the period ({@code bucketStart}: that
 * row's {@code start} as the statistics showed it).
 */
public record AudienceSelection(String queueId, String tagId, String agentId, String bucketStart) {
}
