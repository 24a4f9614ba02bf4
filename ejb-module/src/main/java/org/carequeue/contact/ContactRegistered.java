package org.carequeue.contact;

/** A customer left their contact details in a queue. */
public record ContactRegistered(String contactId, String queueId, String organizationId) {
}
