package org.carequeue.web.audience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.web.support.AgainstBuiltWar;
import org.carequeue.web.support.Api;
import org.carequeue.web.support.DatabaseUnderTest;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL reads a queue's line through its own index ({@code audience_waiting_in}, V23), for a
 * pick's "next waiting customer" and an arrival's place in line, even when the statistics were
 * gathered while nobody waited, as a quiet hour leaves them. Read by queue and state, the planner
 * took an index that starts with the state, read every waiting customer of every queue and sorted
 * them (docs/benchmarks.md, 2026-12-06, fourth session).
 */
class WaitingLinePlanIT extends AgainstBuiltWar {

    /** Audiences.pickNext's query and the place-in-line count's, as the application sends them. */
    static final List<String> LINE_QUERIES = List.of(
            "select * from audience where waiting_in = $1 order by requested_at, id limit 1 for update skip locked",
            "select count(id) from audience where waiting_in = $1 and (requested_at < now() or (requested_at = now() and id < ''))");

    @Test
    void aQueuesLineIsReadThroughItsOwnIndexWhateverTheStatisticsSay() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("carequeue.it.database", "h2")),
                "a PostgreSQL planner's choice; H2 has no partial indexes");
        Api api = api();
        Api.Organization organization = api.signUp();
        QueueResponse queue = api.openQueue(organization, 1_000, api.agent(organization));
        try (Connection db = DatabaseUnderTest.connect(); Statement statement = db.createStatement()) {
            statement.execute("analyze audience");
            for (int i = 0; i < 300; i++) {
                api.request(queue.id(), "Waiting " + i, null);
            }
            for (int q = 0; q < LINE_QUERIES.size(); q++) {
                statement.execute("prepare line_query_" + q + "(varchar) as " + LINE_QUERIES.get(q));
                // A custom plan knows the queue; the generic one a server-prepared statement ends up with does not.
                for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                    statement.execute("set plan_cache_mode = " + mode);
                    String plan;
                    try (ResultSet explained = statement.executeQuery(
                            "explain (format json) execute line_query_" + q + "('" + queue.id() + "')")) {
                        explained.next();
                        plan = explained.getString(1);
                    }
                    assertTrue(plan.contains("\"Index Name\": \"audience_waiting_in\""), mode + ": " + plan);
                    assertFalse(plan.contains("\"Node Type\": \"Sort\""), mode + ": " + plan);
                }
            }
        }
    }
}
