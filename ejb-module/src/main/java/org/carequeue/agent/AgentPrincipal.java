package org.carequeue.agent;

import java.security.Principal;

/**
 * The caller principal of an agent signed in with a session or a bearer token: named by the agent
 * id, and carrying what the authentication mechanism read of the agent for this request, so that
 * a boundary that only needs who calls ({@link Callers#identity()}) does not read the agent again.
 */
public record AgentPrincipal(CallerIdentity identity) implements Principal {

    @Override
    public String getName() {
        return identity.agentId();
    }
}
