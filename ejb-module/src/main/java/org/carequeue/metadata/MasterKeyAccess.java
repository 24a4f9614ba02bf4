package org.carequeue.metadata;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Looks up master keys for a boundary that verifies secure metadata, within the caller's transaction. */
@Dependent
public class MasterKeyAccess {

    @PersistenceContext
    EntityManager em;

    /** The usable keys of one organization only: another organization's key id is unknown here. */
    public MasterKeySecrets secretsOf(String organizationId) {
        return keyId -> Optional.ofNullable(em.find(MasterKey.class, keyId))
                .filter(key -> key.organizationId().equals(organizationId) && key.revokedAt() == null)
                .map(MasterKey::secretBytes);
    }
}
