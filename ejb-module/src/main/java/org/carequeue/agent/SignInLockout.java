package org.carequeue.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The consecutive failed sign-ins of one username (as typed, known or not). {@code failures}
 * failures within the window lock it for the lock-out time; while locked, every attempt, the right
 * password included, fails the same way as a wrong one.
 */
@Entity
@Table(name = "sign_in_lockout")
public class SignInLockout {

    @Id
    private String username;
    private int failures;
    @Column(name = "first_failure_at")
    private OffsetDateTime firstFailureAt;
    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected SignInLockout() {
    }

    SignInLockout(String username) {
        this.username = username;
    }

    boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts one more failure at {@code now}.
     *
     * @return whether this failure locked the username
     */
    boolean failed(OffsetDateTime now, int maxFailures, Duration window) {
        if (isLocked(now)) {
            return false;
        }
        if (firstFailureAt == null || firstFailureAt.plus(window).isBefore(now)) {
            failures = 0;
            firstFailureAt = now;
        }
        failures++;
        if (failures < maxFailures) {
            return false;
        }
        lockedUntil = now.plus(window);
        failures = 0;
        firstFailureAt = null;
        return true;
    }
}
