import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Seeds a CareQueue PostgreSQL database with N audiences for statistics benchmarks: queues, agents
 * and a tag tree of its own in the organization of an existing operator, then the audiences with
 * their activity-log lines (REQUESTED, PICKED or DROPPED, ENDED, some REGISTERED_CONTACT), ratings
 * and tags, spread evenly over the last D days, written with COPY in chunks. The schema must exist
 * (start CareQueue once against the database). Only a database on 127.0.0.1 is accepted.
 *
 * Run: bench/seed-statistics.sh [--audiences 1000000] [--days 365] [--url jdbc:postgresql://127.0.0.1:5432/db]
 *      [--user postgres] [--password ...] [--operator olivia] [--seed 7]
 */
public class SeedStatistics {

    private static final int MAX_AUDIENCES = 5_000_000;
    private static final int CHUNK = 50_000;
    private static final int QUEUES = 4;
    private static final int AGENTS = 20;
    private static final String[][] TAGS = {
            {"Billing", "Refunds", "Invoices"}, {"Technical", "Login", "Outage"}, {"Sales", "Pricing", "Trial"}};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--audiences", "1000000", "--days", "365",
                "--url", "jdbc:postgresql://127.0.0.1:5432/carequeue", "--user", "postgres", "--password", "",
                "--operator", "olivia", "--seed", "7"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        int audiences = Integer.parseInt(options.get("--audiences"));
        int days = Integer.parseInt(options.get("--days"));
        if (audiences < 1 || audiences > MAX_AUDIENCES || days < 1 || days > 3660) {
            throw new IllegalArgumentException("--audiences 1.." + MAX_AUDIENCES + ", --days 1..3660");
        }
        String url = options.get("--url");
        String host = URI.create(url.substring("jdbc:".length())).getHost();
        if (!"127.0.0.1".equals(host)) {
            throw new IllegalArgumentException("Only a database on 127.0.0.1 is seeded, not " + host);
        }
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, options.get("--user"), options.get("--password"))) {
            db.setAutoCommit(false);
            new SeedStatistics(db, new Random(Long.parseLong(options.get("--seed")))).seed(options.get("--operator"),
                    audiences, days);
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("vacuum analyze audience");
                analyze.execute("vacuum analyze queue_log_entry");
                analyze.execute("vacuum analyze audience_tag");
            }
        }
        System.out.printf("Seeded %,d audiences in %d s%n", audiences, (System.nanoTime() - began) / 1_000_000_000L);
    }

    private final Connection db;
    private final CopyManager copy;
    private final Random random;

    private SeedStatistics(Connection db, Random random) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.random = random;
    }

    private void seed(String operator, int audiences, int days) throws SQLException, IOException {
        String organizationId;
        String passwordHash;
        try (PreparedStatement find = db.prepareStatement(
                "select organization_id, password_hash from agent where username = ?")) {
            find.setString(1, operator);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("No agent " + operator + "; start CareQueue with CAREQUEUE_DEMO=true");
                }
                organizationId = row.getString(1);
                passwordHash = row.getString(2);
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        List<String> queues = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int q = 0; q < QUEUES; q++) {
            String id = UUID.randomUUID().toString();
            queues.add(id);
            rows.append(String.join("\t", id, organizationId, "Bench " + run + " " + (q + 1), "OPEN", "f", "1000",
                    TIME.format(now), "0")).append('\n');
        }
        copy("queue (id, organization_id, name, state, suspended, capacity, created_at, version)", rows);
        for (int a = 0; a < AGENTS; a++) {
            String id = UUID.randomUUID().toString();
            agents.add(id);
            rows.append(String.join("\t", id, organizationId, "bench-" + run + "-" + (a + 1),
                    "Bench agent " + (a + 1), passwordHash, "AGENT", TIME.format(now))).append('\n');
        }
        copy("agent (id, organization_id, username, display_name, password_hash, role, created_at)", rows);
        for (int a = 0; a < AGENTS; a++) {
            rows.append(queues.get(a % QUEUES)).append('\t').append(agents.get(a)).append('\n');
        }
        copy("queue_member (queue_id, agent_id)", rows);
        for (String[] branch : TAGS) {
            String categoryId = UUID.randomUUID().toString();
            String category = branch[0] + " " + run;
            rows.append(tag(categoryId, organizationId, null, organizationId, category, now));
            for (int s = 1; s < branch.length; s++) {
                String id = UUID.randomUUID().toString();
                tags.add(id);
                rows.append(tag(id, organizationId, categoryId, categoryId, branch[s], now));
            }
            tags.add(categoryId);
        }
        copy("tag (id, organization_id, parent_id, sibling_key, name, name_key, colour, created_at)", rows);
        db.commit();

        long logIds = reserveLogIds(audiences * 4L);
        StringBuilder audienceRows = new StringBuilder();
        StringBuilder logRows = new StringBuilder();
        StringBuilder tagRows = new StringBuilder();
        long spanMicros = Duration.ofDays(days).toNanos() / 1000;
        Instant first = now.minus(Duration.ofDays(days));
        for (int i = 0; i < audiences; i++) {
            // Evenly over the period, in time order (as real arrivals are stored), with some jitter.
            long offsetMicros = (long) ((double) spanMicros * i / audiences) + random.nextInt(1000);
            Instant requested = first.plusNanos(offsetMicros * 1000);
            String id = UUID.randomUUID().toString();
            String queue = queues.get(random.nextInt(QUEUES));
            String agent = agents.get(random.nextInt(AGENTS));
            boolean dropped = random.nextInt(100) < 18;
            Instant accepted = null;
            Instant ended;
            Integer rating = null;
            if (dropped) {
                ended = requested.plusMillis(5_000 + random.nextInt(600_000));
                logRows.append(log(logIds++, queue, ended, "DROPPED", null, id));
            } else {
                accepted = requested.plusMillis((long) (-Math.log(1 - random.nextDouble()) * 45_000));
                ended = accepted.plusMillis(60_000 + random.nextInt(1_800_000));
                logRows.append(log(logIds++, queue, accepted, "PICKED", agent, id));
                logRows.append(log(logIds++, queue, ended, "ENDED", random.nextInt(100) < 30 ? null : agent, id));
                int rated = random.nextInt(100);
                rating = rated < 24 ? Integer.valueOf(1) : rated < 34 ? Integer.valueOf(0) : rated < 40 ? Integer.valueOf(-1) : null;
                int tagged = random.nextInt(100);
                if (tagged < 65) {
                    int t = random.nextInt(tags.size());
                    tagRows.append(audienceTag(id, tags.get(t), ended, agent));
                    if (tagged < 15) {
                        tagRows.append(audienceTag(id, tags.get((t + 1) % tags.size()), ended, agent));
                    }
                }
            }
            logRows.append(log(logIds++, queue, requested, "REQUESTED", null, id));
            if (random.nextInt(100) < 5) {
                logRows.append(log(logIds++, queue, requested.plusSeconds(1), "REGISTERED_CONTACT", null, id));
            }
            audienceRows.append(String.join("\t", id, organizationId, queue, dropped ? "DROPPED" : "COMPLETE",
                    "Customer " + i, token(), dropped ? "\\N" : agent, TIME.format(requested), TIME.format(requested),
                    accepted == null ? "\\N" : TIME.format(accepted), TIME.format(ended), "0", "0",
                    dropped ? "\\N" : TIME.format(ended), rating == null ? "\\N" : rating.toString())).append('\n');
            if ((i + 1) % CHUNK == 0 || i + 1 == audiences) {
                copy("audience (id, organization_id, queue_id, state, customer_name, customer_token_hash, agent_id,"
                        + " requested_at, queued_at, accepted_at, ended_at, last_seq, version, completed_at, rating)", audienceRows);
                copy("queue_log_entry (id, queue_id, at, kind, agent_id, audience_id)", logRows);
                copy("audience_tag (id, audience_id, tag_id, added_at, added_by)", tagRows);
                db.commit();
                System.out.printf("%,d audiences%n", i + 1);
            }
        }
    }

    /** Log ids come from the application's sequence: a block is taken at once so none collides. */
    private long reserveLogIds(long count) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("select nextval('queue_log_entry_seq')")) {
            row.next();
            long first = row.getLong(1);
            statement.execute("select setval('queue_log_entry_seq', " + (first + count) + ")");
            return first;
        }
    }

    private void copy(String table, StringBuilder rows) throws SQLException, IOException {
        if (rows.length() > 0) {
            try (Reader reader = new StringReader(rows.toString())) {
                copy.copyIn("copy " + table + " from stdin", reader);
            }
            rows.setLength(0);
        }
    }

    private static String tag(String id, String organizationId, String parentId, String siblingKey, String name,
                              Instant now) {
        return String.join("\t", id, organizationId, parentId == null ? "\\N" : parentId, siblingKey, name,
                name.toLowerCase(), "#64748b", TIME.format(now)) + '\n';
    }

    private static String log(long id, String queue, Instant at, String kind, String agent, String audience) {
        return String.join("\t", Long.toString(id), queue, TIME.format(at), kind, agent == null ? "\\N" : agent,
                audience) + '\n';
    }

    private static String audienceTag(String audience, String tag, Instant at, String agent) {
        return String.join("\t", UUID.randomUUID().toString(), audience, tag, TIME.format(at), agent) + '\n';
    }

    private static String token() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
