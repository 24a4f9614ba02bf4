package org.carequeue.statistics;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** One row's time span, {@code [start, end)}, with the zone's offsets at both ends. */
public record Bucket(OffsetDateTime start, OffsetDateTime end) {

    /** ISO-8601 with the local offset, e.g. {@code 2026-03-29T03:00:00+03:00}. */
    public String startText() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start);
    }

    public String endText() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end);
    }
}
