package org.carequeue.api.audience;

import java.util.Map;

/**
 * An audience's state. {@code position} is set while REQUESTED, {@code agentName} once ACCEPTED.
 * After the end: the customer's {@code rating} (1 good, 0 okay, -1 poor; null: none) and
 * {@code postAnswers} (the post-audience questionnaire; empty: none). {@code etaSeconds}: while
 * waiting, the estimated wait from the queue's recent picks; null when there is not enough history.
 */
public record AudienceResponse(String audienceId, String queueId, String state, Integer position,
                               String agentName, String customerName, String requestedAt,
                               String acceptedAt, String endedAt, Integer rating,
                               Map<String, String> postAnswers, Integer etaSeconds) {
}
