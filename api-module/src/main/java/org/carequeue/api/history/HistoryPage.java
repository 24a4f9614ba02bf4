package org.carequeue.api.history;

import java.util.List;

/** One page of the history search, newest first, and how many audiences match in all. */
public record HistoryPage(List<HistoryEntryResponse> audiences, long total) {
}
