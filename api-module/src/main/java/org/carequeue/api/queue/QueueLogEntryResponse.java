package org.carequeue.api.queue;

/**
 * One line of a queue's activity log: who ({@code agentName}) did what ({@code kind}) to whom ({@code customerName}).
 * A transfer's lines ({@code TRANSFERRED_OUT}, {@code TRANSFERRED_IN}) name the other queue; a
 * {@code DROPPED} line says how long the customer had waited ({@code waitedSeconds}); a
 * {@code REGISTERED_CONTACT} line names the contact ({@code contactId}, {@code customerName}).
 */
public record QueueLogEntryResponse(long id, String at, String kind, String agentId, String agentName,
                                    String audienceId, String customerName, String otherQueueId,
                                    String otherQueueName, Long waitedSeconds, String contactId) {
}
