package org.carequeue.platform.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets PostgreSQL mark a waiting customer seen in place. Every two seconds the heartbeat writes
 * {@code customer_seen_at} of every waiting customer with a socket. While that column was in an
 * index ({@code audience_state_seen}, V3), each write was a new row version with a new entry in
 * all ten of the audience's indexes, and the indexes swelled by thousands of entries a second.
 * With 10,000 customers waiting, one batch of 500 took up to 1.4 s, and the status polls of its
 * customers waited that long for their rows (docs/benchmarks.md, fourteenth session). With the
 * column in no index and room left on each new page ({@code fillfactor} 70), PostgreSQL updates
 * the row on its own page without touching any index (a heap-only tuple). The drop scan, the one
 * reader of the column, finds waiting customers by another index that starts with the state.
 *
 * <p>Java, not SQL, because the page fill is PostgreSQL's alone and H2 would reject it. Pages
 * written before keep their fill; the waiting customers are new rows, on new pages.
 */
public class V25__Presence_updates_in_place extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop index audience_state_seen");
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                statement.execute("alter table audience set (fillfactor = 70)");
            }
        }
    }
}
