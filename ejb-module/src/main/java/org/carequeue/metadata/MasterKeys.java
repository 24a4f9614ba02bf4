package org.carequeue.metadata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.metadata.MasterKeyResponse;
import org.carequeue.api.metadata.NewMasterKeyResponse;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.Audited;
import org.carequeue.organization.OrganizationRole;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Forbidden;
import org.carequeue.security.Roles;

/**
 * The organization's master keys: its owner creates and revokes them (a key vouches for whatever
 * the organization's server says about a customer, so it is the owner's decision); operators see
 * the list, never a secret.
 */
@Stateless
public class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    /** A new key; the answer is the only place its secret is ever shown. */
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditKind.MASTER_KEY_CREATED)
    public NewMasterKeyResponse create() {
        Agent owner = currentOwner();
        MasterKey key = new MasterKey(owner.organizationId(), owner.id());
        em.persist(key);
        LOG.info(() -> "Master key " + key.id() + " created by " + owner.id());
        return new NewMasterKeyResponse(key.id(), key.secret(), Clock.iso(key.createdAt()));
    }

    /** The organization's keys, newest first. */
    @RolesAllowed(Roles.OPERATOR)
    public List<MasterKeyResponse> list() {
        Agent operator = callers.currentOperator();
        return em.createQuery("select k from MasterKey k where k.organizationId = :org order by k.createdAt desc, k.id",
                        MasterKey.class)
                .setParameter("org", operator.organizationId())
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** From now on the key opens nothing; revoking it again changes nothing. */
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditKind.MASTER_KEY_REVOKED)
    public MasterKeyResponse revoke(String keyId) {
        Agent owner = currentOwner();
        MasterKey key = keyId == null ? null : em.find(MasterKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.organizationId().equals(owner.organizationId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such master key in your organization");
        }
        key.revoke();
        LOG.info(() -> "Master key " + key.id() + " revoked by " + owner.id());
        return view(key);
    }

    private Agent currentOwner() {
        Agent agent = callers.current();
        if (agent.role() != OrganizationRole.OWNER) {
            throw new Forbidden("Only the organization's owner may manage master keys");
        }
        return agent;
    }

    private MasterKeyResponse view(MasterKey key) {
        Agent creator = em.find(Agent.class, key.createdBy());
        return new MasterKeyResponse(key.id(), Clock.iso(key.createdAt()),
                creator == null ? null : creator.displayName(), Clock.iso(key.revokedAt()));
    }
}
