package org.carequeue.security;

/**
 * What an API key may do. Each scope is one security group of the key's caller, so the
 * boundaries' {@code @RolesAllowed} decide; acting as an agent is the agent's own group.
 */
public enum ApiKeyScope {
    READ_STATISTICS(Roles.STATISTICS_READER),
    READ_TRANSCRIPTS(Roles.TRANSCRIPT_READER),
    MANAGE_QUEUES(Roles.QUEUE_MANAGER),
    ACT_AS_AGENT(Roles.AGENT);

    private final String group;

    ApiKeyScope(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** The boundaries behind this scope also check that the caller is an operator. */
    public boolean needsOperator() {
        return this != ACT_AS_AGENT;
    }
}
