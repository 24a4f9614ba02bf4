package org.carequeue.statistics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.carequeue.platform.InvalidInput;

/**
 * What a statistics question covers: the local dates {@code [from, to)} in {@code zone}, cut into
 * {@code interval}s, with the service-level target. {@link #of} checks what a request sent and
 * refuses it field by field; the period then knows its intervals (DST-correct, by the zone's rules).
 */
public record StatisticsPeriod(LocalDate from, LocalDate to, ZoneId zone, StatisticsInterval interval,
                               int serviceLevelSeconds) {

    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 60;
    public static final int MAX_SERVICE_LEVEL_SECONDS = 86_400;

    public StatisticsPeriod {
        if (!from.isBefore(to)) {
            throw new InvalidInput("to", "to must be after from");
        }
        if (ChronoUnit.DAYS.between(from, to) > interval.maxDays()) {
            throw new InvalidInput("to", interval.name().toLowerCase(Locale.ROOT) + " statistics cover at most "
                    + interval.maxDays() + " days; choose a shorter period or a longer interval");
        }
        if (serviceLevelSeconds < 1 || serviceLevelSeconds > MAX_SERVICE_LEVEL_SECONDS) {
            throw new InvalidInput("serviceLevelSeconds",
                    "serviceLevelSeconds must be between 1 and " + MAX_SERVICE_LEVEL_SECONDS);
        }
    }

    /**
     * A period from request parameters: dates {@code YYYY-MM-DD}, an IANA zone (default UTC), an
     * interval {@code HOUR|DAY|MONTH} (the API contract's names) or {@code hourly|daily|monthly} (default
     * daily, any case), a target (default 60 s).
     */
    public static StatisticsPeriod of(String from, String to, String zone, String interval,
                                      Integer serviceLevelSeconds) {
        return new StatisticsPeriod(date("from", from), date("to", to), zone(zone), interval(interval),
                serviceLevelSeconds == null ? DEFAULT_SERVICE_LEVEL_SECONDS : serviceLevelSeconds);
    }

    /** The period's first instant (local midnight of {@code from}). */
    public Instant start() {
        return StatisticsInterval.startOf(from, zone).toInstant();
    }

    /** The instant after the period (local midnight of {@code to}). */
    public Instant end() {
        return StatisticsInterval.startOf(to, zone).toInstant();
    }

    /** The whole period as one span, for the total row. */
    public Bucket whole() {
        return new Bucket(StatisticsInterval.startOf(from, zone).toOffsetDateTime(),
                StatisticsInterval.startOf(to, zone).toOffsetDateTime());
    }

    /** The rows' spans in time order; together exactly the period. */
    public List<Bucket> buckets() {
        ZonedDateTime end = StatisticsInterval.startOf(to, zone);
        List<Bucket> buckets = new ArrayList<>();
        for (ZonedDateTime start = StatisticsInterval.startOf(from, zone); start.isBefore(end); ) {
            ZonedDateTime next = interval.next(start, end, zone);
            buckets.add(new Bucket(start.toOffsetDateTime(), next.toOffsetDateTime()));
            start = next;
        }
        return Collections.unmodifiableList(buckets);
    }

    /** The row that starts at {@code start} (a row's {@code start} as the API showed it). */
    public Bucket bucketStartingAt(String start) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("bucketStart", "bucketStart must be a row's start, e.g. 2026-03-01T00:00:00+02:00");
        }
        return buckets().stream().filter(b -> b.start().toInstant().equals(instant)).findFirst()
                .orElseThrow(() -> new InvalidInput("bucketStart", "bucketStart is not the start of a row of this period"));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " must be a date YYYY-MM-DD");
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("zone", "zone must be a time zone such as Europe/Helsinki");
        }
    }

    private static StatisticsInterval interval(String value) {
        if (value == null || value.isBlank()) {
            return StatisticsInterval.DAILY;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "HOUR", "HOURLY" -> StatisticsInterval.HOURLY;
            case "DAY", "DAILY" -> StatisticsInterval.DAILY;
            case "MONTH", "MONTHLY" -> StatisticsInterval.MONTHLY;
            default -> throw new InvalidInput("interval", "interval must be HOUR, DAY or MONTH");
        };
    }
}
