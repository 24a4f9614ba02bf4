package org.carequeue.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.carequeue.platform.Clock;

/**
 * An organization's key for secure metadata: its id names it in tokens, its 32-byte secret
 * decrypts them. The secret leaves the server once, in the answer that creates the key.
 * A revoked key stays (its id is never reused) but no longer opens anything.
 */
@Entity
@Table(name = "master_key")
public class MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    static final int ID_LENGTH = 12;

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    /** base64url of the secret. */
    private String secret;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected MasterKey() {
    }

    MasterKey(String organizationId, String createdBy) {
        StringBuilder keyId = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            keyId.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        byte[] bytes = new byte[SecureMetadataDecoder.SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        this.id = keyId.toString();
        this.organizationId = organizationId;
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Clock.now();
        }
    }

    byte[] secretBytes() {
        return Base64.getUrlDecoder().decode(secret);
    }

    String secret() {
        return secret;
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
