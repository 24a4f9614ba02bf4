package org.carequeue.metadata;

import java.util.Map;

/**
 * Decrypted secure metadata: which master key vouched for it, the metadata as string values
 * (nested JSON values as their JSON text) and the user id the partner's server named, if any.
 */
public record VerifiedMetadata(String keyId, Map<String, String> metadata, String userId) {
}
