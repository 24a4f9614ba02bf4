package org.carequeue.api.queue;

import java.util.List;

/** One page of a queue's activity log, newest first, and how many lines the log has in all. */
public record QueueLogPage(List<QueueLogEntryResponse> lines, long total) {
}
