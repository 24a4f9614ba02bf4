package org.carequeue.platform;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.Session;

/** Which database this node runs on, for the few statements that must differ between them. */
public final class Databases {

    private Databases() {
    }

    /** PostgreSQL (production) rather than H2 (the zero-set-up default): its lock modes and locking reads differ. */
    public static boolean onPostgreSql(EntityManager em) {
        return em.unwrap(Session.class).getPlatform().isPostgreSQL();
    }
}
