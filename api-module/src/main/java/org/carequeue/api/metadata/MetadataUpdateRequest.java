package org.carequeue.api.metadata;

import java.util.Map;

/**
 * A customer's live metadata during the audience (the page they moved to, say): merged into what
 * was stored, key by key; an empty value removes a key.
 */
public record MetadataUpdateRequest(Map<String, String> metadata) {
}
