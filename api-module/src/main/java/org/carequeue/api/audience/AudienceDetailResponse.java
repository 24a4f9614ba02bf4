package org.carequeue.api.audience;

import java.util.Map;

/** What the agent holding an audience knows about the customer: the audience, its queue and the answers given. */
public record AudienceDetailResponse(AudienceResponse audience, String queueName, Map<String, String> metadata,
                                     Map<String, String> preAnswers) {
}
