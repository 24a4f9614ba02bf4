package org.carequeue.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.carequeue.platform.Clock;

/**
 * A link an operator gives a new agent so that they choose their own password. Only the token's
 * SHA-256 is stored; the link works once, until it expires.
 */
@Entity
@Table(name = "agent_invitation")
public class AgentInvitation {

    /** How long an invitation link works. */
    static final int VALID_DAYS = 14;

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected AgentInvitation() {
    }

    AgentInvitation(String tokenHash, String agentId) {
        this.tokenHash = tokenHash;
        this.agentId = agentId;
        this.expiresAt = Clock.now().plusDays(VALID_DAYS);
    }

    String agentId() {
        return agentId;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }

    boolean isExpired() {
        return expiresAt.isBefore(Clock.now());
    }
}
