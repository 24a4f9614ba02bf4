package org.carequeue.security;

/** The security roles (and identical group names) used in {@code @RolesAllowed}. */
public final class Roles {

    /** Queue member: signs in to the desk, picks from their queues. Every staff account has it. */
    public static final String AGENT = "agent";
    /** Organization operator: manages members, queues and settings. */
    public static final String OPERATOR = "operator";
    /** Organization owner: the operator who created the organization. */
    public static final String OWNER = "owner";
    /** An API key with the scope {@code READ_STATISTICS}: the statistics, nothing else of an operator's. */
    public static final String STATISTICS_READER = "statistics-reader";
    /** An API key with the scope {@code READ_TRANSCRIPTS}: the history, transcripts and registered contacts. */
    public static final String TRANSCRIPT_READER = "transcript-reader";
    /** An API key with the scope {@code MANAGE_QUEUES}: queues, their state, settings, schedules and members. */
    public static final String QUEUE_MANAGER = "queue-manager";

    private Roles() {
    }
}
