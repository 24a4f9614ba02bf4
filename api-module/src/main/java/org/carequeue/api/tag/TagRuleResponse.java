package org.carequeue.api.tag;

/** An automatic tag rule; {@code queueId} null means every queue of the organization. */
public record TagRuleResponse(String id, String queueId, String field, String value, String tagId) {
}
