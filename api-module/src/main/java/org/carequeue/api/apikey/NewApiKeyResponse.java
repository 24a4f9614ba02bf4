package org.carequeue.api.apikey;

import java.util.List;

/** A key just created: the only answer that ever carries {@code key} ({@code cqk_} + 43 characters). */
public record NewApiKeyResponse(String keyId, String name, String key, String prefix, List<String> scopes,
                                String agentId, String createdAt) {
}
