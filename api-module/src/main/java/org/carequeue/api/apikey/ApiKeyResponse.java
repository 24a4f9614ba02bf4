package org.carequeue.api.apikey;

import java.util.List;

/**
 * An API key as operators see it: never the key itself, only its first characters
 * ({@code prefix}), the agent it acts as, and its use so far ({@code lastUsedAt} null if never).
 */
public record ApiKeyResponse(String keyId, String name, String prefix, List<String> scopes, String agentId,
                             String agentName, String createdAt, String createdByName, String revokedAt,
                             String lastUsedAt, long useCount) {
}
