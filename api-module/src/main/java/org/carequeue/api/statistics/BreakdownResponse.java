package org.carequeue.api.statistics;

import java.util.List;

/**
 * A period's audiences by tag or by agent ({@code by}: {@code tag} | {@code agent}), for one queue
 * or all queues of the organization ({@code queueId} null); rows by name.
 */
public record BreakdownResponse(String queueId, String from, String to, String zone, String by,
                                List<BreakdownRow> rows) {
}
