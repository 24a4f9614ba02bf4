package org.carequeue.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.Tokens;

/**
 * An organization's key for an external system. The key itself leaves the server once, in the
 * answer that creates it; only its SHA-256 and its first characters are kept. A revoked key stays
 * (its uses still point at it) but no longer authenticates.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    /** {@code cqk_} and four characters of the random part: enough to tell keys apart, useless to guess one. */
    static final int PREFIX_LENGTH = Tokens.API_KEY_PREFIX.length() + 4;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "key_prefix")
    private String prefix;
    private String scopes;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    ApiKey(String organizationId, String name, String key, Set<ApiKeyScope> scopes, String agentId, String createdBy) {
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.name = name;
        this.keyHash = Tokens.hash(key);
        this.prefix = key.substring(0, PREFIX_LENGTH);
        this.scopes = scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.agentId = agentId;
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Clock.now();
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    Set<ApiKeyScope> scopes() {
        Set<ApiKeyScope> all = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream(scopes.split(",")).map(ApiKeyScope::valueOf).forEach(all::add);
        return all;
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    String agentId() {
        return agentId;
    }

    String createdBy() {
        return createdBy;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
