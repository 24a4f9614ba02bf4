package org.carequeue.api.statistics;

/**
 * One tag's or one agent's share of a period's audiences (same request-time placement as
 * {@link StatisticsRow}). For a tag: the audiences that carry it now. For an agent: the audiences
 * they hold (picked and did not transfer away).
 *
 * @param id                         the tag's or agent's id
 * @param name                       the tag's path ("Category / Subcategory") or the agent's display name
 * @param audiences                  how many audiences
 * @param accepted                   of those, picked
 * @param averageConversationSeconds ended ones: from the pick to the end
 * @param averageQueueingSeconds     accepted ones: from the request to the pick
 * @param ratings                    rated ones
 * @param averageRating              poor 0.0, okay 0.5, good 1.0; null without ratings
 */
public record BreakdownRow(String id, String name, long audiences, long accepted, Double averageConversationSeconds,
                           Double averageQueueingSeconds, long ratings, Double averageRating) {
}
