package org.carequeue.api.audience;

/** Send the customer to another queue ({@code queueId}), one the queue's settings allow. */
public record TransferRequest(String queueId) {
}
