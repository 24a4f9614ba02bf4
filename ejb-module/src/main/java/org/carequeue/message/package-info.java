/**
 * The messages of an audience. Each has a gap-free ascending {@code seq} handed out by its audience
 * under the audience's row lock, and the sender's {@code clientMessageId}, unique per audience and side
 * (customer or agent), so a retried send returns the stored message instead of making a copy. Callers learn of a message
 * only after its transaction committed; under load, chat sockets' messages sent at the same time
 * share one transaction ({@link org.carequeue.message.GroupCommit}). A message carries a text or an {@link org.carequeue.message.Attachment}:
 * a file checked by its bytes ({@code FileTypes}), stored with its thumbnail apart from the
 * messages, and read through {@link org.carequeue.message.Attachments}.
 */
package org.carequeue.message;
