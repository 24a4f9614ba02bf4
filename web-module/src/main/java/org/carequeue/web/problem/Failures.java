package org.carequeue.web.problem;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import javax.transaction.xa.XAException;

/** Reads what an exception says about its cause; shared by the HTTP mappers and the chat socket. */
public final class Failures {

    /**
     * SQL states a retry can fix: serialization failure, deadlock, lock not available (PostgreSQL),
     * and H2's lock timeout (HYT00).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    /** PostgreSQL's administrator shutdown, crash shutdown and "cannot connect now" (starting up). */
    private static final Set<String> UNAVAILABLE_SQL_STATES = Set.of("57P01", "57P02", "57P03");

    private Failures() {
    }

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A unique key was taken by a concurrent request (a username, say) after this one checked it. */
    public static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached: the connection broke or was refused (SQL state class 08), the
     * server is shutting down or starting (57P01-57P03), the pool found no working connection (a
     * {@link ResourceException} from the container), or the commit found its connection closed (the
     * transaction manager's {@link SystemException} around an {@link XAException}: a PostgreSQL
     * restarted between the last statement and the commit). Nothing was acknowledged; the same call
     * will succeed once the database is back, without a restart of CareQueue.
     */
    public static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ResourceException || t instanceof SystemException || t instanceof XAException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_SQL_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A lost race for a lock or a version: nothing was changed and the same call may succeed. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof OptimisticLockException || t instanceof SQLTransientException
                    || t instanceof SQLException sql && TRANSIENT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost cause, as it says itself: for a lost race the database's own words (a
     * deadlock's detail names both sides), which the outer wrappers only repeat or hide.
     */
    public static String innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t);
    }
}
