package org.carequeue.agent;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.NotAuthenticated;
import org.carequeue.security.Roles;

/**
 * The agent on whose behalf a boundary runs. The caller principal's name is the agent id (set by the
 * web module's bearer token mechanism), so a boundary never trusts an agent id
 * passed in by a client.
 */
@Dependent
public class Callers {

    @Inject
    Principal principal;

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    public Agent current() {
        String agentId = principal == null ? null : principal.getName();
        Agent agent = agentId == null ? null : em.find(Agent.class, agentId);
        if (agent == null || agent.isRemoved()) {
            throw new NotAuthenticated("Sign in as an agent first");
        }
        return agent;
    }

    /**
     * Who calls, as the authentication mechanism read them for this request: for a boundary that
     * needs only the agent's id, organization and name, and reads nothing else of the agent. Signed
     * in with a session or a bearer token, that costs no query (the busiest requests, picks among
     * them, come that way). An API key's caller is read here, as {@link #current()} does, and
     * carries no roles: a key's rights are its scopes, which only the container's role checks know.
     */
    public CallerIdentity identity() {
        Set<AgentPrincipal> signedIn = security.getPrincipalsByType(AgentPrincipal.class);
        if (!signedIn.isEmpty()) {
            return signedIn.iterator().next().identity();
        }
        Agent agent = current();
        return new CallerIdentity(agent.id(), agent.organizationId(), agent.displayName(), List.of(), null);
    }

    /**
     * Operators manage only their own organization. An API key acting as an operator counts only
     * through an operator's scope (statistics, transcripts, queues); a key that acts as an agent
     * has the agent's rights alone.
     */
    public Agent currentOperator() {
        Agent agent = current();
        if (!hasOperatorRights(agent, Roles.STATISTICS_READER, Roles.TRANSCRIPT_READER, Roles.QUEUE_MANAGER)) {
            throw new Forbidden("Only organization operators may do this");
        }
        return agent;
    }

    /**
     * Whether the caller may use the agent's operator rights: an operator signed in (the operator
     * role), or an API key acting as an operator with one of the given scope roles. The agent's
     * record alone is not enough, because a key with only the agent scope acts as the operator
     * who made it.
     */
    public boolean hasOperatorRights(Agent agent, String... keyScopeRoles) {
        return agent.isOperator() && (security.isCallerInRole(Roles.OPERATOR)
                || Arrays.stream(keyScopeRoles).anyMatch(security::isCallerInRole));
    }
}
