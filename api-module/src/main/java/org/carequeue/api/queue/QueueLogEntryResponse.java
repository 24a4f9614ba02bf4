package org.carequeue.api.queue;

/** One line of a queue's activity log, oldest first. */
public record QueueLogEntryResponse(long id, String at, String kind, String agentId, String agentName,
                                    String audienceId) {
}
