package org.carequeue.api.apikey;

import java.util.List;

/**
 * A new API key: its name, what it may do ({@code READ_STATISTICS}, {@code READ_TRANSCRIPTS},
 * {@code MANAGE_QUEUES}, {@code ACT_AS_AGENT}) and the agent it acts as ({@code null}: the operator
 * creating it). Reading statistics or transcripts and managing queues need an operator to act as.
 */
public record ApiKeyRequest(String name, List<String> scopes, String agentId) {

    public static final int MAX_NAME_LENGTH = 100;
}
