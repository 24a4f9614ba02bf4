package org.carequeue.agent;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import org.carequeue.platform.Forbidden;
import org.carequeue.platform.NotAuthenticated;

/**
 * The agent on whose behalf a boundary runs. The caller principal's name is the agent id (set by the
 * web module's bearer token mechanism), so a boundary never trusts an agent id
 * passed in by a client.
 */
@Dependent
public class Callers {

    @Inject
    Principal principal;

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

    /** Operators manage only their own organization. */
    public Agent currentOperator() {
        Agent agent = current();
        if (!agent.isOperator()) {
            throw new Forbidden("Only organization operators may do this");
        }
        return agent;
    }
}
