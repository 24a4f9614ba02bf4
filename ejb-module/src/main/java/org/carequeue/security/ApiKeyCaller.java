package org.carequeue.security;

import java.util.Set;

/** Who a valid API key makes the caller: the agent it acts as, with one group per scope. */
public record ApiKeyCaller(String keyId, String agentId, Set<String> groups) {
}
