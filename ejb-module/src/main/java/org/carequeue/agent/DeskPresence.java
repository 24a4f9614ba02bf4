package org.carequeue.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One node's word that an agent has a desk open there, renewed by that node's heartbeat (see
 * {@link Presences}). The agent is online while any node's word is fresh.
 */
@Entity
@Table(name = "agent_presence")
@IdClass(DeskPresence.Key.class)
public class DeskPresence {

    @Id
    @Column(name = "agent_id")
    private String agentId;
    @Id
    @Column(name = "node_id")
    private String nodeId;
    @Column(name = "organization_id")
    private String organizationId;
    private OffsetDateTime since;
    @Column(name = "seen_at")
    private OffsetDateTime seenAt;

    protected DeskPresence() {
    }

    DeskPresence(Agent agent, String nodeId, OffsetDateTime now) {
        this.agentId = agent.id();
        this.nodeId = nodeId;
        this.organizationId = agent.organizationId();
        this.since = now;
        this.seenAt = now;
    }

    void seen(OffsetDateTime now) {
        seenAt = now;
    }

    String agentId() {
        return agentId;
    }

    String organizationId() {
        return organizationId;
    }

    /** The primary key: an agent on a node. */
    public static class Key implements Serializable {

        private String agentId;
        private String nodeId;

        public Key() {
        }

        Key(String agentId, String nodeId) {
            this.agentId = agentId;
            this.nodeId = nodeId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(agentId, key.agentId) && Objects.equals(nodeId, key.nodeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agentId, nodeId);
        }
    }
}
