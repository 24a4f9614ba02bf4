package org.carequeue.security;

/** The security roles (and identical group names) used in {@code @RolesAllowed}. */
public final class Roles {

    /** Queue member: signs in to the desk, picks from their queues. Every staff account has it. */
    public static final String AGENT = "agent";
    /** Organization operator: manages members, queues and settings. */
    public static final String OPERATOR = "operator";
    /** Organization owner: the operator who created the organization. */
    public static final String OWNER = "owner";

    private Roles() {
    }
}
