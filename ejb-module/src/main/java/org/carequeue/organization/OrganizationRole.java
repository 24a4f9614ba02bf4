package org.carequeue.organization;

import java.util.List;
import org.carequeue.security.Roles;

/** An agent's standing in their organization; each level includes the ones below it. */
public enum OrganizationRole {
    AGENT(List.of(Roles.AGENT)),
    OPERATOR(List.of(Roles.AGENT, Roles.OPERATOR)),
    OWNER(List.of(Roles.AGENT, Roles.OPERATOR, Roles.OWNER));

    private final List<String> securityRoles;

    OrganizationRole(List<String> securityRoles) {
        this.securityRoles = securityRoles;
    }

    /** The Jakarta Security groups a caller with this role belongs to. */
    public List<String> securityRoles() {
        return securityRoles;
    }
}
