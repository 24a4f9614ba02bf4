package org.carequeue.api.audience;

import java.util.Map;

/**
 * A customer's arrival in a queue: everything is optional. {@code preAnswers} and {@code metadata}
 * are small string maps (at most 50 entries). {@code secureMetadata} is part of the contract but
 * not read yet: decrypting it comes with the secure-metadata feature.
 */
public record CustomerRequest(String name, String message, Map<String, String> metadata,
                              String secureMetadata, Map<String, String> preAnswers) {
}
