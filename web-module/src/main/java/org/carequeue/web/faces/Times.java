package org.carequeue.web.faces;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the admin pages show them: to the second, in UTC, the zone the server stores. */
public final class Times {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private Times() {
    }

    /** An ISO-8601 time from a boundary, readable; empty for none. */
    public static String of(String iso) {
        return iso == null ? "" : OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC).format(WHEN);
    }
}
