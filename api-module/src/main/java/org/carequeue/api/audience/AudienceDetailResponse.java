package org.carequeue.api.audience;

import java.util.Map;

/**
 * What the agent holding an audience knows about the customer: the audience, its queue and the answers given.
 * {@code metadata} comes from the customer's browser (and the server, for {@code ip}); {@code verifiedMetadata}
 * was decrypted with the organization's master key {@code verifiedKeyId}, so it can be trusted.
 */
public record AudienceDetailResponse(AudienceResponse audience, String queueName, Map<String, String> metadata,
                                     Map<String, String> preAnswers, Map<String, String> verifiedMetadata,
                                     String verifiedKeyId) {
}
