package org.carequeue.web.support;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Queue schedules (Ninchat's JSON) for tests: one-time exceptions a few seconds ahead, in UTC. */
public final class Schedules {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm:ss");

    private Schedules() {
    }

    /** No weekly hours; the queue opens at {@code open} and, unless null, closes at {@code close}. */
    public static String openingAt(ZonedDateTime open, ZonedDateTime close) {
        Map<String, List<String>> days = new LinkedHashMap<>();
        add(days, open.withZoneSameInstant(ZoneOffset.UTC), 0);
        if (close != null) {
            add(days, close.withZoneSameInstant(ZoneOffset.UTC), 1);
        }
        String exceptions = days.entrySet().stream()
                .map(day -> "\"" + day.getKey() + "\":[" + day.getValue().stream()
                        .map(time -> time == null ? "null" : "\"" + time + "\"").collect(Collectors.joining(",")) + "]")
                .collect(Collectors.joining(","));
        return "{\"timezone\":\"UTC\",\"week\":[null,null,null,null,null,null,null],\"exceptions\":{" + exceptions + "}}";
    }

    /** Puts the time in its date's list at an even (opening) or odd (closing) place. */
    private static void add(Map<String, List<String>> days, ZonedDateTime at, int parity) {
        List<String> times = days.computeIfAbsent(at.toLocalDate().toString(), date -> new ArrayList<>());
        while (times.size() % 2 != parity) {
            times.add(null);
        }
        times.add(TIME.format(at));
    }
}
