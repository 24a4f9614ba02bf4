package org.carequeue.agent;

import java.time.OffsetDateTime;
import java.util.List;

/** An authenticated agent: what the authentication mechanism and the agent socket need to know. */
public record CallerIdentity(String agentId, String organizationId, String name, List<String> roles,
                             OffsetDateTime expiresAt) {
}
