package org.carequeue.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code from} and {@code to} filters of the API's lists: an ISO-8601 instant, or a date as a UTC day. */
public final class TimeBounds {

    private TimeBounds() {
    }

    /**
     * The bound a filter value names: a date's start for {@code from}, the start of the next day for
     * {@code to} (an inclusive day), or the instant itself ({@code to} just past it); {@code null}
     * when absent.
     */
    public static OffsetDateTime parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            OffsetDateTime at = OffsetDateTime.parse(v);
            return endOfDay ? at.plusNanos(1) : at;
        } catch (DateTimeParseException invalid) {
            throw new InvalidInput(field, field + " must be a date (2026-11-25) or an ISO-8601 time");
        }
    }
}
