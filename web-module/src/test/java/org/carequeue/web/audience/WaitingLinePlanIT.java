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
 * PostgreSQL's plan for a pick's "next waiting customer of this queue" reads the index of the
 * waiting alone (migration 23, {@code WaitingCustomersIndex}) even when the statistics were
 * gathered while the line was empty, as a quiet hour leaves them. With them, the planner used to
 * take an index that starts with the state, read every waiting customer of every queue and sort
 * them (docs/benchmarks.md, 2026-12-06, fourth session).
 */
class WaitingLinePlanIT extends AgainstBuiltWar {

    /** Audiences.pickNext's query, as the application sends it. */
    static final String NEXT_WAITING = "select * from audience where queue_id = $1 and state = 'REQUESTED'"
            + " order by requested_at, id limit 1 for update skip locked";

    @Test
    void aPickReadsTheIndexOfTheWaitingAloneWhateverTheStatisticsSay() throws Exception {
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
            statement.execute("prepare next_waiting(varchar) as " + NEXT_WAITING);
            // A custom plan knows the queue; the generic one a server-prepared statement ends up with does not.
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                statement.execute("set plan_cache_mode = " + mode);
                String plan;
                try (ResultSet explained = statement.executeQuery(
                        "explain (format json) execute next_waiting('" + queue.id() + "')")) {
                    explained.next();
                    plan = explained.getString(1);
                }
                assertTrue(plan.contains("\"Index Name\": \"audience_waiting\""), mode + ": " + plan);
                assertFalse(plan.contains("\"Node Type\": \"Sort\""), mode + ": " + plan);
            }
        }
    }
}
