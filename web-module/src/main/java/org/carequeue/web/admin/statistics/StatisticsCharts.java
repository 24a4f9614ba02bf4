package org.carequeue.web.admin.statistics;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import org.carequeue.api.statistics.StatisticsRow;

/**
 * The statistics page's charts as Chart.js configurations, which PrimeFaces' {@code p:chart}
 * draws: volumes per interval, and queueing time with the service level.
 */
final class StatisticsCharts {

    private static final String BLUE = "#2563eb";
    private static final String GREEN = "#22c55e";
    private static final String RED = "#ef4444";
    private static final String AMBER = "#f59e0b";

    private StatisticsCharts() {
    }

    /** Conversations, accepted and dropped requests per interval. */
    static String volumes(List<String> labels, List<StatisticsRow> rows) {
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(bars("Conversations", BLUE, rows, r -> r.conversations()))
                .add(bars("Accepted", GREEN, rows, r -> r.accepted()))
                .add(bars("Dropped", RED, rows, r -> r.dropped()));
        return chart("bar", labels, datasets, Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    }

    /** Median and 90th-percentile queueing time (seconds, left axis) and service level (%, right axis). */
    static String queueing(List<String> labels, List<StatisticsRow> rows) {
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Median queueing (s)", BLUE, "y", rows, StatisticsRow::medianQueueingSeconds))
                .add(line("90th percentile queueing (s)", AMBER, "y", rows, StatisticsRow::p90QueueingSeconds))
                .add(line("Service level (%)", GREEN, "level", rows,
                        r -> r.serviceLevel() == null ? null : Math.round(r.serviceLevel() * 1000) / 10.0));
        return chart("line", labels, datasets, Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left")
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "seconds")))
                .add("level", Json.createObjectBuilder().add("min", 0).add("max", 100).add("position", "right")
                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "service level %"))));
    }

    private static JsonObjectBuilder bars(String label, String colour, List<StatisticsRow> rows,
                                          Function<StatisticsRow, Long> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(row -> data.add(value.apply(row)));
        return Json.createObjectBuilder().add("label", label).add("backgroundColor", colour)
                .add("borderRadius", 3).add("data", data);
    }

    private static JsonObjectBuilder line(String label, String colour, String axis, List<StatisticsRow> rows,
                                          Function<StatisticsRow, Double> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(row -> {
            Double number = value.apply(row);
            if (number == null) {
                data.addNull();
            } else {
                data.add(number);
            }
        });
        return Json.createObjectBuilder().add("label", label).add("borderColor", colour).add("backgroundColor", colour)
                .add("yAxisID", axis).add("tension", 0.25).add("spanGaps", true).add("data", data);
    }

    private static String chart(String type, List<String> labels, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", Json.createArrayBuilder(labels)).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", scales))
                .build().toString();
    }
}
