package org.carequeue.web.admin.statistics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.BreakdownRow;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.api.statistics.StatisticsRow;
import org.carequeue.platform.BusinessException;
import org.carequeue.queue.Queues;
import org.carequeue.statistics.AudienceSelection;
import org.carequeue.statistics.Statistics;
import org.carequeue.statistics.StatisticsPeriod;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.rest.statistics.StatisticsCsv;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The statistics page: a queue or all queues over a period, with charts, the metrics per interval
 * and in total, per tag and per agent, CSV downloads of the same records (written by the API's
 * own CSV writer) and the audiences behind a row. The form's fields carry the engine's field names
 * as ids, so a refusal shows beside its field.
 */
@Named
@ViewScoped
public class StatisticsBacking implements Serializable {

    static final int DRILL_DOWN_PAGE_SIZE = 20;
    private static final int DEFAULT_DAYS = 7;

    @Inject
    Statistics statistics;

    @Inject
    Queues queues;

    private String queueId;
    private LocalDate from = LocalDate.now().minusDays(DEFAULT_DAYS - 1L);
    private LocalDate through = LocalDate.now();
    private String zone;
    private String interval = "DAILY";
    private Integer serviceLevelSeconds = StatisticsPeriod.DEFAULT_SERVICE_LEVEL_SECONDS;

    /** What the results below the form show; null until a period was accepted. */
    private StatisticsQuery shown;
    private String drillTitle;
    /** The drill-down's rows: all of the shown period's, or a row's, a tag's or an agent's. */
    private boolean drilling;
    private String drillBucketStart;
    private String drillTagId;
    private String drillAgentId;
    private int drillPage;

    private transient StatisticsResponse table;
    private transient BreakdownResponse byTag;
    private transient BreakdownResponse byAgent;
    private transient StatisticsAudiencePage drill;
    private transient Map<String, String> queueNames;

    /** Shows the period the form names, or says beside the field what is wrong with it. */
    public void show() {
        StatisticsQuery query = new StatisticsQuery(blankToNull(queueId), from, through, zone, interval,
                serviceLevelSeconds);
        try {
            table = tableOf(query);
            shown = query;
            byTag = null;
            byAgent = null;
            drilling = false;
            drill = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, "filters");
            shown = null;
            table = null;
        }
    }

    public StatisticsResponse getTable() {
        if (table == null && shown != null) {
            table = tableOf(shown);
        }
        return table;
    }

    private StatisticsResponse tableOf(StatisticsQuery query) {
        return query.queueId() == null ? statistics.ofOrganization(query.period())
                : statistics.ofQueue(query.queueId(), query.period());
    }

    public BreakdownResponse getByTag() {
        if (byTag == null && shown != null) {
            byTag = statistics.byTag(shown.queueId(), shown.period());
        }
        return byTag;
    }

    public BreakdownResponse getByAgent() {
        if (byAgent == null && shown != null) {
            byAgent = statistics.byAgent(shown.queueId(), shown.period());
        }
        return byAgent;
    }

    public boolean isShown() {
        return shown != null;
    }

    // --- drill-down ---

    public void drillIntoInterval(StatisticsRow row) {
        drill("Audiences requested " + label(row), row.start(), null, null);
    }

    public void drillIntoPeriod() {
        drill("Audiences requested in the period", null, null, null);
    }

    /** A row of the per-tag ({@code by} "tags") or per-agent ("agents") table. */
    public void drillIntoBreakdown(String by, BreakdownRow row) {
        if ("tags".equals(by)) {
            drill("Audiences tagged " + row.name(), null, row.id(), null);
        } else {
            drill("Audiences held by " + row.name(), null, null, row.id());
        }
    }

    private void drill(String title, String bucketStart, String tagId, String agentId) {
        drillTitle = title;
        drilling = true;
        drillBucketStart = bucketStart;
        drillTagId = tagId;
        drillAgentId = agentId;
        drillPage = 0;
        drill = null;
    }

    public void nextDrillPage() {
        drillPage++;
        drill = null;
    }

    public void previousDrillPage() {
        drillPage = Math.max(0, drillPage - 1);
        drill = null;
    }

    public StatisticsAudiencePage getDrill() {
        if (drill == null && drilling && shown != null) {
            drill = statistics.audiences(shown.period(),
                    new AudienceSelection(shown.queueId(), drillTagId, drillAgentId, drillBucketStart), drillPage,
                    DRILL_DOWN_PAGE_SIZE);
        }
        return drill;
    }

    public boolean isLastDrillPage() {
        StatisticsAudiencePage page = getDrill();
        return page == null || (long) (page.page() + 1) * page.size() >= page.total();
    }

    public String getDrillTitle() {
        return drillTitle;
    }

    // --- CSV: the API's own writer, so the file has the API's columns and numbers ---

    public StreamedContent getTableCsv() {
        return csv(getTable());
    }

    public StreamedContent getTagsCsv() {
        return csv(getByTag());
    }

    public StreamedContent getAgentsCsv() {
        return csv(getByAgent());
    }

    private static StreamedContent csv(Object records) {
        MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new StatisticsCsv().writeTo(records, records.getClass(), records.getClass(), null, null, headers, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String disposition = String.valueOf(headers.getFirst("Content-Disposition"));
        String name = disposition.substring(disposition.indexOf("filename=\"") + 10, disposition.lastIndexOf('"'));
        byte[] bytes = out.toByteArray();
        return DefaultStreamedContent.builder().name(name).contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    // --- charts and formatting ---

    public String getVolumesChart() {
        return StatisticsCharts.volumes(labels(), getTable().rows());
    }

    public String getQueueingChart() {
        return StatisticsCharts.queueing(labels(), getTable().rows());
    }

    private List<String> labels() {
        return getTable().rows().stream().map(this::label).toList();
    }

    /** A row's interval as people read it, in the period's zone. */
    public String label(StatisticsRow row) {
        String pattern = switch (shownInterval()) {
            case "HOURLY" -> "EEE d MMM HH:mm";
            case "MONTHLY" -> "MMMM yyyy";
            default -> "EEE d MMM";
        };
        return OffsetDateTime.parse(row.start()).format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    /** What one row of the table covers: hour, day or month. */
    public String getIntervalNoun() {
        return switch (shownInterval()) {
            case "HOURLY" -> "hour";
            case "MONTHLY" -> "month";
            default -> "day";
        };
    }

    private String shownInterval() {
        return getTable().interval().toUpperCase(Locale.ROOT);
    }

    /** An instant (ISO) in the period's zone. */
    public String at(String instant) {
        return instant == null ? "–" : OffsetDateTime.parse(instant).atZoneSameInstant(ZoneId.of(getTable().zone()))
                .format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH));
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on; a dash where nothing was there to average. */
    public String duration(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }

    public String percent(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ENGLISH, "%.1f %%", fraction * 100);
    }

    public String rating(Double average) {
        return average == null ? "–" : String.format(Locale.ENGLISH, "%.2f", average);
    }

    // --- the form ---

    /** The queue names of the organization, by id, for the queue menu. */
    public Map<String, String> getQueueNames() {
        if (queueNames == null) {
            queueNames = queues.organizationQueues().stream().map(QueueMembersResponse::queue)
                    .collect(Collectors.toMap(q -> q.id(), q -> q.name(), (a, b) -> a, LinkedHashMap::new));
        }
        return queueNames;
    }

    /** The shown period as people chose it, both dates included. */
    public String getShownPeriod() {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        return shown.from().format(date) + " – " + shown.through().format(date);
    }

    public String getShownScope() {
        return shown == null || shown.queueId() == null ? "All queues"
                : getQueueNames().getOrDefault(shown.queueId(), "(deleted queue)");
    }

    /** Time zone suggestions for what was typed (any IANA zone is taken). */
    public List<String> zones(String typed) {
        String part = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(part))
                .sorted().limit(15).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return through;
    }

    public void setTo(LocalDate to) {
        this.through = to;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Integer getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public void setServiceLevelSeconds(Integer serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
    }
}
