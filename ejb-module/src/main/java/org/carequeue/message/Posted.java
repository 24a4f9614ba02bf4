package org.carequeue.message;

import org.carequeue.api.message.PostMessageResponse;

/** The answer to a post: the stored message, and whether this call stored it or a retry found it. */
public record Posted(PostMessageResponse message, boolean created) {
}
