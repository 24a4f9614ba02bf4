package org.carequeue.platform;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink retries a query that lost its connection three times, a second apart, by default.
 * The pool already hands out only validated connections (see {@link SchemaMigration}), so a retry
 * only helps when the database is gone, and then it holds each request for seconds before the 503:
 * with the database gone, a request fails at once and the client retries later.
 */
public class FailFastWithoutDatabase implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
