package org.carequeue.statistics;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsAudience;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.api.statistics.StatisticsRow;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceState;
import org.carequeue.platform.Clock;
import org.carequeue.platform.InvalidInput;
import org.carequeue.platform.SchemaMigration;
import org.carequeue.queue.QueueAccess;
import org.carequeue.queue.QueueLogKind;
import org.carequeue.security.Roles;

/**
 * Statistics for operators: a queue's, or all queues' of their organization, over a period of
 * local dates in a time zone, by interval; by tag and by agent; and the audiences behind a row.
 * Everything is read from the audiences (their state, times, rating and tags) and the activity
 * log, which transcript retention keeps, so the numbers are right by construction. Another
 * organization's queue is not found (404). The definitions: {@link Metrics}, docs/statistics.md.
 */
@Stateless
public class Statistics {

    public static final int MAX_PAGE_SIZE = 200;
    /**
     * How much later than the audience's end time its ENDED log line may be stamped: both are
     * written in the transaction that ends it, moments apart, never an hour.
     */
    private static final Duration END_LINE_SLACK = Duration.ofHours(1);
    private static final int FETCH_SIZE = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** One queue's rows and total. */
    @RolesAllowed({Roles.OPERATOR, Roles.STATISTICS_READER})
    public StatisticsResponse ofQueue(String queueId, StatisticsPeriod period) {
        return table(scope(queueId), period);
    }

    /** All queues of the caller's organization (deleted queues' audiences included). */
    @RolesAllowed({Roles.OPERATOR, Roles.STATISTICS_READER})
    public StatisticsResponse ofOrganization(StatisticsPeriod period) {
        return table(scope(null), period);
    }

    /** The period's audiences by the tags they carry; {@code queueId} null for all queues. */
    @RolesAllowed({Roles.OPERATOR, Roles.STATISTICS_READER})
    public BreakdownResponse byTag(String queueId, StatisticsPeriod period) {
        Scope scope = scope(queueId);
        Map<String, AudienceFact> facts = byId(facts(scope, period.start(), period.end()));
        Map<String, Metrics> perTag = new HashMap<>();
        eachAudienceRow("select t.audience_id, t.tag_id from audience_tag t join audience a on a.id = t.audience_id",
                scope, period.start(), period.end(), row -> {
                    AudienceFact fact = facts.get(row.getString(1));
                    if (fact != null) {
                        perTag.computeIfAbsent(row.getString(2), id -> new Metrics(period.serviceLevelSeconds())).add(fact);
                    }
                });
        return breakdown(scope, period, "tag", perTag, tagPaths(scope.organizationId()));
    }

    /** The period's audiences by the agent who holds them; {@code queueId} null for all queues. */
    @RolesAllowed({Roles.OPERATOR, Roles.STATISTICS_READER})
    public BreakdownResponse byAgent(String queueId, StatisticsPeriod period) {
        Scope scope = scope(queueId);
        Map<String, Metrics> perAgent = new HashMap<>();
        for (AudienceFact fact : facts(scope, period.start(), period.end())) {
            if (fact.agentId() != null) {
                perAgent.computeIfAbsent(fact.agentId(), id -> new Metrics(period.serviceLevelSeconds())).add(fact);
            }
        }
        return breakdown(scope, period, "agent", perAgent, agentNames(scope.organizationId()));
    }

    /**
     * The audiences behind a row, oldest request first: those requested in the period (or in the
     * row {@code selection.bucketStart()}), narrowed to a queue, a tag, an agent.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.STATISTICS_READER})
    public StatisticsAudiencePage audiences(StatisticsPeriod period, AudienceSelection selection, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInput("page", "page must be 0 or more, and not beyond the last row");
        }
        Scope scope = scope(selection.queueId());
        Bucket span = selection.bucketStart() == null || selection.bucketStart().isBlank() ? period.whole()
                : period.bucketStartingAt(selection.bucketStart());
        String filter = scope.audiences()
                + (selection.agentId() == null ? "" : " and a.agentId = :agent")
                + (selection.tagId() == null ? ""
                : " and exists (select t from AudienceTag t where t.audienceId = a.id and t.tagId = :tag)");
        TypedQuery<Long> count = narrow(scope.where(em.createQuery("select count(a) from Audience a where " + filter,
                Long.class), span.start().toInstant(), span.end().toInstant()), selection);
        TypedQuery<Audience> list = narrow(scope.where(em.createQuery("select a from Audience a where " + filter
                        + " order by a.requestedAt, a.id", Audience.class), span.start().toInstant(), span.end().toInstant()),
                selection);
        Map<String, String> queueNames = queueNames(scope.organizationId());
        Map<String, String> agentNames = agentNames(scope.organizationId());
        List<StatisticsAudience> audiences = list.setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(a -> new StatisticsAudience(a.id(), a.customerName(), a.queueId(),
                        queueNames.get(a.queueId()), a.agentId(), a.agentId() == null ? null : agentNames.get(a.agentId()),
                        Clock.iso(a.requestedAt()), Clock.iso(a.acceptedAt()), Clock.iso(a.endedAt()), a.state().name(),
                        a.rating()))
                .toList();
        return new StatisticsAudiencePage(audiences, count.getSingleResult(), page, size);
    }

    private static <T> TypedQuery<T> narrow(TypedQuery<T> query, AudienceSelection selection) {
        if (selection.agentId() != null) {
            query.setParameter("agent", selection.agentId());
        }
        if (selection.tagId() != null) {
            query.setParameter("tag", selection.tagId());
        }
        return query;
    }

    private StatisticsResponse table(Scope scope, StatisticsPeriod period) {
        List<Bucket> buckets = period.buckets();
        List<Metrics> rows = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            rows.add(new Metrics(period.serviceLevelSeconds()));
        }
        Metrics total = new Metrics(period.serviceLevelSeconds());
        for (AudienceFact fact : facts(scope, period.start(), period.end())) {
            rows.get(indexOf(buckets, fact.requestedAt())).add(fact);
            total.add(fact);
        }
        for (Instant at : registeredContacts(scope, period.start(), period.end())) {
            rows.get(indexOf(buckets, at)).addRegisteredContact();
            total.addRegisteredContact();
        }
        List<StatisticsRow> answer = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            answer.add(rows.get(i).row(buckets.get(i)));
        }
        return new StatisticsResponse(scope.queueId(), period.from().toString(), period.to().toString(),
                period.zone().getId(), period.interval().name(), period.serviceLevelSeconds(), answer,
                total.row(period.whole()));
    }

    /** The bucket holding {@code at}; the buckets are in order and cover the period without gaps. */
    static int indexOf(List<Bucket> buckets, Instant at) {
        int low = 0;
        int high = buckets.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (buckets.get(middle).start().toInstant().isAfter(at)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return low;
    }

    private BreakdownResponse breakdown(Scope scope, StatisticsPeriod period, String by, Map<String, Metrics> metrics,
                                        Map<String, String> names) {
        List<BreakdownRow> rows = metrics.entrySet().stream()
                .map(e -> e.getValue().breakdown(e.getKey(), names.getOrDefault(e.getKey(), e.getKey())))
                .sorted(Comparator.comparing(BreakdownRow::name, String.CASE_INSENSITIVE_ORDER).thenComparing(BreakdownRow::id))
                .toList();
        return new BreakdownResponse(scope.queueId(), period.from().toString(), period.to().toString(),
                period.zone().getId(), by, rows);
    }

    /**
     * The audiences requested in {@code [start, end)} in the scope. A month of a busy organization is
     * tens of thousands of rows: they are read over plain JDBC, as compact tuples, because building
     * them through the persistence provider took several times as long as the query itself.
     */
    private List<AudienceFact> facts(Scope scope, Instant start, Instant end) {
        List<AudienceFact> facts = new ArrayList<>();
        eachAudienceRow("select a.id, a.queue_id, a.agent_id, a.state, a.requested_at, a.queued_at, a.accepted_at,"
                + " a.ended_at, a.rating from audience a", scope, start, end, row -> {
                    int rating = row.getInt(9);
                    Integer rated = row.wasNull() ? null : rating;
                    facts.add(new AudienceFact(row.getString(1), row.getString(2), row.getString(3),
                            AudienceState.valueOf(row.getString(4)), instant(row, 5), instant(row, 6), instant(row, 7),
                            instant(row, 8), rated, false));
                });
        Instant lastEnd = facts.stream().filter(f -> f.acceptedAt() != null && f.endedAt() != null)
                .map(AudienceFact::endedAt).max(Instant::compareTo).orElse(null);
        if (lastEnd == null) {
            return facts;
        }
        Set<String> endedByCustomer = endedByCustomer(scope, start, lastEnd);
        return facts.stream().map(f -> endedByCustomer.contains(f.id()) ? f.asEndedByCustomer() : f).toList();
    }

    /** Runs {@code select} (audiences as {@code a}) over the scope's audiences requested in {@code [start, end)}. */
    private void eachAudienceRow(String select, Scope scope, Instant start, Instant end, RowReader reader) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement(select
                     + " where a.organization_id = ? and a.requested_at >= ? and a.requested_at < ?"
                     + (scope.queueId() == null ? "" : " and a.queue_id = ?"))) {
            query.setString(1, scope.organizationId());
            query.setObject(2, utc(start));
            query.setObject(3, utc(end));
            if (scope.queueId() != null) {
                query.setString(4, scope.queueId());
            }
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * The audiences the customer ended (their log line ENDED names no agent), among the lines from
     * {@code start} to the last end of the period's audiences (plus {@link #END_LINE_SLACK}): the
     * log is read by queue, kind and time (its index), not audience by audience.
     */
    private Set<String> endedByCustomer(Scope scope, Instant start, Instant lastEnd) {
        return new HashSet<>(scope.onLog(em.createQuery("select e.audienceId from QueueLogEntry e where e.kind = :kind"
                        + " and e.agentId is null and e.at >= :start and e.at <= :end and " + scope.logLines(), String.class))
                .setParameter("kind", QueueLogKind.ENDED)
                .setParameter("start", utc(start)).setParameter("end", utc(lastEnd.plus(END_LINE_SLACK)))
                .getResultList());
    }

    /** The times of the registered-contact log lines in {@code [start, end)} of the scope's queues. */
    private List<Instant> registeredContacts(Scope scope, Instant start, Instant end) {
        return scope.onLog(em.createQuery("select e.at from QueueLogEntry e where e.kind = :kind"
                        + " and e.at >= :start and e.at < :end and " + scope.logLines(), OffsetDateTime.class))
                .setParameter("kind", QueueLogKind.REGISTERED_CONTACT)
                .setParameter("start", utc(start)).setParameter("end", utc(end))
                .getResultList().stream().map(OffsetDateTime::toInstant).toList();
    }

    private Map<String, String> tagPaths(String organizationId) {
        Map<String, Object[]> tags = new LinkedHashMap<>();
        for (Object[] tag : em.createQuery("select t.id, t.name, t.parentId from Tag t where t.organizationId = :organization",
                Object[].class).setParameter("organization", organizationId).getResultList()) {
            tags.put((String) tag[0], tag);
        }
        Map<String, String> paths = new HashMap<>();
        tags.forEach((id, tag) -> {
            Object[] parent = tag[2] == null ? null : tags.get((String) tag[2]);
            paths.put(id, parent == null ? (String) tag[1] : parent[1] + " / " + tag[1]);
        });
        return paths;
    }

    private Map<String, String> agentNames(String organizationId) {
        return names("select g.id, g.displayName from Agent g where g.organizationId = :organization", organizationId);
    }

    private Map<String, String> queueNames(String organizationId) {
        return names("select q.id, q.name from Queue q where q.organizationId = :organization", organizationId);
    }

    private Map<String, String> names(String jpql, String organizationId) {
        Map<String, String> names = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("organization", organizationId)
                .getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    private Scope scope(String queueId) {
        Agent operator = callers.currentOperator();
        return new Scope(operator.organizationId(),
                queueId == null ? null : queues.forOperator(queueId, operator).id());
    }

    private static Map<String, AudienceFact> byId(List<AudienceFact> facts) {
        Map<String, AudienceFact> byId = new HashMap<>(facts.size() * 2);
        facts.forEach(f -> byId.put(f.id(), f));
        return byId;
    }

    /**
     * A time column as an instant, through {@code getTimestamp}: the columns are {@code timestamp
     * with time zone}, so the timestamp is the absolute instant whatever the JVM's zone. Not
     * {@code getObject(column, OffsetDateTime.class)}: the server's pooled result set forwards that
     * JDBC 4.1 call by reflection, looking the driver's method up and making it accessible on every
     * call: two thirds of the CPU samples of a month's statistics (JFR, docs/benchmarks.md).
     */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The organization, and one of its queues or (null) all of them. */
    private record Scope(String organizationId, String queueId) {

        /** The audiences of the scope requested in {@code [:start, :end)}, as JPQL on {@code a}. */
        String audiences() {
            return "a.organizationId = :organization and a.requestedAt >= :start and a.requestedAt < :end"
                    + (queueId == null ? "" : " and a.queueId = :queue");
        }

        /** The activity log lines of the scope's queues, as JPQL on {@code e}. */
        String logLines() {
            return queueId == null ? "e.queueId in (select q.id from Queue q where q.organizationId = :organization)"
                    : "e.queueId = :queue";
        }

        <T> TypedQuery<T> onLog(TypedQuery<T> query) {
            return queueId == null ? query.setParameter("organization", organizationId)
                    : query.setParameter("queue", queueId);
        }

        <T> TypedQuery<T> where(TypedQuery<T> query, Instant start, Instant end) {
            query.setParameter("organization", organizationId).setParameter("start", utc(start))
                    .setParameter("end", utc(end));
            return queueId == null ? query : query.setParameter("queue", queueId);
        }
    }
}
