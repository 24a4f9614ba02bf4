package org.carequeue.api.history;

import java.util.List;

/**
 * One page of the history search, newest first, and how many audiences match in all.
 * {@code nextCursor} fetches the page after this one ({@code cursor=}); null when this is the last.
 */
public record HistoryPage(List<HistoryEntryResponse> audiences, long total, String nextCursor) {
}
