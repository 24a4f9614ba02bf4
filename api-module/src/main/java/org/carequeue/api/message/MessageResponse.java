package org.carequeue.api.message;

/**
 * A stored message of an audience; {@code seq} ascends without gaps from 1. A message carries
 * either {@code text} or an {@code attachment} (then {@code text} is null).
 */
public record MessageResponse(long seq, String audienceId, Sender from, String text, String clientMessageId,
                              String sentAt, AttachmentResponse attachment) {
}
