package org.carequeue.api.audience;

import java.util.Map;

/** A customer's arrival in a queue: everything is optional. */
public record CustomerRequest(String name, String message, Map<String, String> metadata,
                              String secureMetadata, Map<String, String> preAnswers) {
}
