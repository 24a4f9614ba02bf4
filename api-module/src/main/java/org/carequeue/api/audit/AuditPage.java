package org.carequeue.api.audit;

import java.util.List;

/** One page of the audit log, newest first; {@code nextCursor} fetches the next (null: no more). */
public record AuditPage(List<AuditEntryResponse> items, String nextCursor) {
}
