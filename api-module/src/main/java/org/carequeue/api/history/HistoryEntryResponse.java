package org.carequeue.api.history;

/**
 * One past or present audience in the history search: who, where, with whom and when.
 * {@code agentName} is its latest agent; {@code transcriptDeletedAt} is set once retention deleted
 * its conversation.
 */
public record HistoryEntryResponse(String id, String customerName, String queueId, String queueName, String agentName,
                                   String state, String requestedAt, String acceptedAt, String endedAt,
                                   String completedAt, Integer rating, String transcriptDeletedAt) {
}
