package org.carequeue.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** CareQueue's time: UTC, to the microsecond (what both databases store). */
public final class Clock {

    private Clock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** ISO-8601 with a {@code Z}, as the API promises; {@code null} stays {@code null}. */
    public static String iso(OffsetDateTime time) {
        return time == null ? null
                : DateTimeFormatter.ISO_INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
