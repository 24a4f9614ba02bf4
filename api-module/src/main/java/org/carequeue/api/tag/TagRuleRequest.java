package org.carequeue.api.tag;

/**
 * "When the pre-questionnaire answer {@code field} equals {@code value} (ignoring case), add tag
 * {@code tagId}", in one queue or, with {@code queueId} null, in every queue of the organization.
 */
public record TagRuleRequest(String queueId, String field, String value, String tagId) {
}
