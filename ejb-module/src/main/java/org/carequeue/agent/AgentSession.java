package org.carequeue.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;

/**
 * A bearer token of the agent API. Kept in the database (not in one node's memory) so that every
 * node of a cluster accepts it; only the token's SHA-256 is stored.
 */
@Entity
@Table(name = "agent_session")
public class AgentSession {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected AgentSession() {
    }

    AgentSession(String tokenHash, String agentId, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.agentId = agentId;
        this.createdAt = Clock.now();
        this.expiresAt = expiresAt;
    }

    String agentId() {
        return agentId;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }

    boolean isExpired() {
        return !expiresAt.isAfter(Clock.now());
    }

    String tokenHash() {
        return tokenHash;
    }
}
