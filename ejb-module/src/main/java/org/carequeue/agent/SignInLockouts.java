package org.carequeue.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.carequeue.audit.AuditKind;
import org.carequeue.audit.AuditTrail;
import org.carequeue.platform.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins per username in the database, so that the lock-out holds whichever node
 * the attempts reach (OWASP ASVS 6.3: {@code CAREQUEUE_SIGN_IN_LOCKOUT_FAILURES} failures, 10 by
 * default, within {@code CAREQUEUE_SIGN_IN_LOCKOUT_MINUTES}, 15, lock the username for as long).
 * A failure is counted, and written to the audit log, in a transaction of its own: the sign-in's
 * own rolls back with its refusal.
 */
@Stateless
@PermitAll
public class SignInLockouts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail auditTrail;

    @Inject
    @ConfigProperty(name = "carequeue.sign-in.lockout-failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "carequeue.sign-in.lockout-minutes", defaultValue = "15")
    int lockoutMinutes;

    public boolean isLocked(String username) {
        SignInLockout lockout = em.find(SignInLockout.class, username);
        return lockout != null && lockout.isLocked(Clock.now());
    }

    /**
     * Counts a failure under the row's lock (two nodes counting at once both count).
     *
     * @return whether this failure locked the username
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean failed(String username) {
        SignInLockout lockout = em.find(SignInLockout.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (lockout == null) {
            lockout = new SignInLockout(username);
            em.persist(lockout);
        }
        boolean lockedNow = lockout.failed(Clock.now(), maxFailures, Duration.ofMinutes(lockoutMinutes));
        // The audit entry belongs to the account's organization when the name is one; the actor is unknown.
        String organizationId = em.createQuery("select a.organizationId from Agent a where a.username = :username",
                        String.class)
                .setParameter("username", username).getResultStream().findFirst().orElse(null);
        auditTrail.record(organizationId, AuditKind.SIGN_IN_FAILED, null, null, username);
        if (lockedNow) {
            auditTrail.record(organizationId, AuditKind.SIGN_IN_LOCKED_OUT, null, null, username);
        }
        return lockedNow;
    }

    /**
     * Deletes the counts that lock nothing now and whose window has passed: the next failure of
     * such a username would start over from none anyway.
     */
    public int forgetStale() {
        OffsetDateTime now = Clock.now();
        return em.createQuery("delete from SignInLockout l where (l.lockedUntil is null or l.lockedUntil < :now)"
                        + " and (l.firstFailureAt is null or l.firstFailureAt < :windowStart)")
                .setParameter("now", now)
                .setParameter("windowStart", now.minusMinutes(lockoutMinutes))
                .executeUpdate();
    }

    /** A successful sign-in starts the count over. */
    public void succeeded(String username) {
        SignInLockout lockout = em.find(SignInLockout.class, username);
        if (lockout != null) {
            em.remove(lockout);
        }
    }
}
