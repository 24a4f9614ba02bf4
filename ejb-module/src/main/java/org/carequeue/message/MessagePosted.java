package org.carequeue.message;

import org.carequeue.api.message.MessageResponse;

/**
 * A message was stored. Unlike other events it carries the message itself: it is pushed to both
 * sides right after commit, and reading it back would cost a query per message on the hottest path.
 * {@code agentId} is the agent holding the audience, if any.
 */
public record MessagePosted(String audienceId, String queueId, String agentId, MessageResponse message) {
}
