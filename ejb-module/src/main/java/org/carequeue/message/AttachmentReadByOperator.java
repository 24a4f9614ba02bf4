package org.carequeue.message;

/**
 * An operator read a file of a conversation they neither held nor could pick from: reading another
 * agent's conversation is audited, in the reading's transaction.
 */
public record AttachmentReadByOperator(String audienceId, String attachmentId, String operatorId) {
}
