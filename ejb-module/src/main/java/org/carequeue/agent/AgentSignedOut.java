package org.carequeue.agent;

/** An agent signed out of one API session; {@code tokenHash} names it (sockets opened with it close). */
public record AgentSignedOut(String agentId, String tokenHash) {
}
