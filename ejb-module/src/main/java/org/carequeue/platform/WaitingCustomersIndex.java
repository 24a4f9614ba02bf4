package org.carequeue.platform;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 23, on PostgreSQL only: an index of the waiting customers alone, for a pick's "the
 * next waiting customer of this queue" ({@code Audiences.pickNext}).
 * <p>
 * PostgreSQL plans that query from statistics, and the audience table's say that almost no
 * audience waits: they are gathered whenever the table has changed enough, mostly when few wait,
 * and the waiting are a sliver of all audiences ever. Estimating one waiting row, the planner
 * took any index that starts with the state, read every waiting customer of every queue and
 * sorted them: 2.4 ms a pick with 4,400 waiting, against 0.07 ms through {@code
 * audience_waiting_line} (docs/benchmarks.md). An index that holds only waiting rows is the
 * cheapest to read whatever the statistics say, and a pick's update, which leaves the state, adds
 * nothing to it. H2 has no partial indexes and plans without that mistake; there this does
 * nothing, so both databases stand at version 23.
 */
public class WaitingCustomersIndex implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("23");
    }

    @Override
    public String getDescription() {
        return "waiting customers index (PostgreSQL)";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index audience_waiting on audience (queue_id, requested_at, id)"
                    + " where state = 'REQUESTED'");
        }
    }
}
