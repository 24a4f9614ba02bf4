package org.carequeue.api.message;

/** Acknowledgement of a stored (committed) message. */
public record PostMessageResponse(long seq, String clientMessageId, String sentAt) {
}
