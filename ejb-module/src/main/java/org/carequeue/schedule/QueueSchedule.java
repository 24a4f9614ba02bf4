package org.carequeue.schedule;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.carequeue.platform.InvalidInput;

/**
 * A queue's opening hours in Ninchat's schedule format:
 * {@code {"disabled", "timezone", "week": [[open, close, ...] x 7 from Monday], "annual": {"MM/DD":
 * [...] | null}, "exceptions": {"YYYY-MM-DD": [...] | null}}}. A day's list alternates opening and
 * closing times; a {@code null} in it is a slot without an action, which is how a span over
 * midnight is written ({@code ["18:00"]} on Monday, {@code [null, "0:30"]} on Tuesday). Times are
 * {@code H:mm}, or {@code H:mm:ss} (an extension of ours).
 *
 * <p>The schedule works by edges: at each opening time the queue opens and at each closing time it
 * closes; in between, manual opening and closing win. An annual date replaces that weekday's list,
 * and a one-time exception replaces both; such a date starts closed (an edge closes the queue at
 * midnight, unless its list begins with {@code null}: a span over midnight carried on) and {@code
 * null} keeps it closed all day. Wall-clock times become instants by the zone's rules: a time
 * skipped by a daylight-saving change happens when the clocks jump, a repeated time at its first
 * occurrence.
 */
public record QueueSchedule(boolean disabled, ZoneId zone, List<List<LocalTime>> week,
                            Map<MonthDay, List<LocalTime>> annual, Map<LocalDate, List<LocalTime>> exceptions) {

    /** One moment the schedule opens or closes the queue. */
    public record Edge(Instant at, boolean opens) {
    }

    /** A queue without a schedule: opened and closed by hand only. */
    public static final QueueSchedule NONE = new QueueSchedule(true, ZoneId.of("UTC"),
            Collections.nCopies(7, List.of()), Map.of(), Map.of());

    /** How far back edges are looked for after a standstill: the latest missed one is applied. */
    static final int CATCH_UP_DAYS = 8;
    /** How far ahead the next opening is looked for. */
    static final int LOOK_AHEAD_DAYS = 400;
    /** Longest stored form of a schedule (its database column). */
    public static final int MAX_JSON_LENGTH = 65_536;
    private static final List<String> KEYS = List.of("disabled", "timezone", "week", "annual", "exceptions");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?");
    private static final Pattern ANNUAL_DATE = Pattern.compile("\\d\\d/\\d\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter LONG_TIME = DateTimeFormatter.ofPattern("H:mm:ss");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM/dd");

    /** Reads and checks a schedule; a refusal names the field at fault (e.g. {@code week[2][1]}). */
    public static QueueSchedule parse(String json) {
        JsonObject object;
        try {
            JsonValue value = Json.createReader(new StringReader(json)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInput("schedule", "A schedule is a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException | NumberFormatException e) {
            // A number such as 1e99999999999 is refused by BigDecimal while the JSON is read (found by fuzzing).
            throw new InvalidInput("schedule", "The schedule is not valid JSON");
        }
        for (String key : object.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInput(key, "Unknown schedule field " + key + "; the fields are " + KEYS);
            }
        }
        boolean disabled = switch (object.getOrDefault("disabled", JsonValue.FALSE).getValueType()) {
            case TRUE -> true;
            case FALSE, NULL -> false;
            default -> throw new InvalidInput("disabled", "disabled is true or false");
        };
        QueueSchedule schedule = new QueueSchedule(disabled, zone(object.get("timezone")), week(object.get("week")),
                annual(object.get("annual")), exceptions(object.get("exceptions")));
        if (schedule.toJson().length() > MAX_JSON_LENGTH) {
            throw new InvalidInput("schedule", "The schedule is too long; keep it under " + MAX_JSON_LENGTH + " characters");
        }
        return schedule;
    }

    public String toJson() {
        JsonArrayBuilder days = Json.createArrayBuilder();
        week.forEach(day -> days.add(times(day)));
        JsonObjectBuilder annualDates = Json.createObjectBuilder();
        annual.forEach((date, day) -> annualDates.add(MONTH_DAY.format(date), times(day)));
        JsonObjectBuilder exceptionDates = Json.createObjectBuilder();
        exceptions.forEach((date, day) -> exceptionDates.add(date.toString(), times(day)));
        return Json.createObjectBuilder()
                .add("disabled", disabled)
                .add("timezone", zone.getId())
                .add("week", days)
                .add("annual", annualDates)
                .add("exceptions", exceptionDates)
                .build().toString();
    }

    /** The opening and closing moments of one calendar day in the schedule's zone, in order. */
    public List<Edge> edgesOn(LocalDate date) {
        List<LocalTime> slots;
        boolean replaced = true;
        if (exceptions.containsKey(date)) {
            slots = exceptions.get(date);
        } else if (annual.containsKey(MonthDay.from(date))) {
            slots = annual.get(MonthDay.from(date));
        } else {
            slots = week.get(date.getDayOfWeek().getValue() - 1);
            replaced = false;
        }
        List<Edge> edges = new ArrayList<>();
        // A replaced date starts closed, unless its list carries a span over midnight on ([null, ...]).
        if (replaced && (slots.isEmpty() || slots.get(0) != null)) {
            edges.add(new Edge(instant(date, LocalTime.MIDNIGHT), false));
        }
        for (int slot = 0; slot < slots.size(); slot++) {
            if (slots.get(slot) != null) {
                edges.add(new Edge(instant(date, slots.get(slot)), slot % 2 == 0));
            }
        }
        edges.sort(Comparator.comparing(Edge::at));
        return edges;
    }

    /**
     * The instant of a wall-clock time in the schedule's zone. A time skipped by a daylight-saving
     * change happens when the clocks jump (so the day's times keep their order); a repeated time
     * at its first occurrence.
     */
    private Instant instant(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** The latest edge after {@code after} and not after {@code now}: the one to apply, if any. */
    public Optional<Edge> latestDue(Instant after, Instant now) {
        if (disabled) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate date = today; !date.isBefore(today.minusDays(CATCH_UP_DAYS)); date = date.minusDays(1)) {
            List<Edge> edges = edgesOn(date);
            for (int i = edges.size() - 1; i >= 0; i--) {
                Edge edge = edges.get(i);
                if (!edge.at().isAfter(now)) {
                    return edge.at().isAfter(after) ? Optional.of(edge) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** When the schedule next opens the queue after {@code now}, if it does within a year or so. */
    public Optional<Instant> nextOpening(Instant now) {
        return next(now, true);
    }

    /** When the schedule next closes the queue after {@code now}, if it does within a year or so. */
    public Optional<Instant> nextClosing(Instant now) {
        return next(now, false);
    }

    private Optional<Instant> next(Instant now, boolean opening) {
        if (disabled) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate date = today; date.isBefore(today.plusDays(LOOK_AHEAD_DAYS)); date = date.plusDays(1)) {
            for (Edge edge : edgesOn(date)) {
                if (edge.opens() == opening && edge.at().isAfter(now)) {
                    return Optional.of(edge.at());
                }
            }
        }
        return Optional.empty();
    }

    private static ZoneId zone(JsonValue value) {
        if (!(value instanceof JsonString name)) {
            throw new InvalidInput("timezone", "timezone is required: an IANA time zone such as Europe/Helsinki");
        }
        try {
            return ZoneId.of(name.getString());
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone", "Unknown time zone " + name.getString());
        }
    }

    private static List<List<LocalTime>> week(JsonValue value) {
        if (!(value instanceof JsonArray days) || days.size() != 7) {
            throw new InvalidInput("week", "week is required: seven lists of times, Monday first");
        }
        List<List<LocalTime>> week = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<LocalTime> times = day("week[" + day + "]", days.get(day));
            week.add(times == null ? List.of() : times);
        }
        return List.copyOf(week);
    }

    private static Map<MonthDay, List<LocalTime>> annual(JsonValue value) {
        Map<MonthDay, List<LocalTime>> annual = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : dates("annual", value).entrySet()) {
            String field = "annual." + entry.getKey();
            if (!ANNUAL_DATE.matcher(entry.getKey()).matches()) {
                throw new InvalidInput(field, "An annual date is MM/DD, zero-padded");
            }
            MonthDay date;
            try {
                date = MonthDay.parse(entry.getKey(), MONTH_DAY);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, entry.getKey() + " is not a date");
            }
            List<LocalTime> times = day(field, entry.getValue());
            if (times != null && (times.size() % 2 != 0 || times.contains(null))) {
                throw new InvalidInput(field, "An annual date needs both opening and closing times");
            }
            annual.put(date, times == null ? List.of() : times);
        }
        return Collections.unmodifiableMap(annual);
    }

    private static Map<LocalDate, List<LocalTime>> exceptions(JsonValue value) {
        Map<LocalDate, List<LocalTime>> exceptions = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : dates("exceptions", value).entrySet()) {
            String field = "exceptions." + entry.getKey();
            LocalDate date;
            try {
                if (!DATE.matcher(entry.getKey()).matches()) {
                    throw new DateTimeParseException("not YYYY-MM-DD", entry.getKey(), 0);
                }
                date = LocalDate.parse(entry.getKey());
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "An exception's date is YYYY-MM-DD");
            }
            List<LocalTime> times = day(field, entry.getValue());
            exceptions.put(date, times == null ? List.of() : times);
        }
        return Collections.unmodifiableMap(exceptions);
    }

    private static JsonObject dates(String field, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(field, field + " maps dates to lists of times");
        }
        return value.asJsonObject();
    }

    /** A day's alternating opening and closing times; null for a day without any. */
    private static List<LocalTime> day(String field, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInput(field, field + " is a list of times such as [\"9:00\", \"17:00\"], or null");
        }
        List<LocalTime> times = new ArrayList<>();
        LocalTime previous = null;
        JsonArray slots = value.asJsonArray();
        for (int slot = 0; slot < slots.size(); slot++) {
            String slotField = field + "[" + slot + "]";
            JsonValue entry = slots.get(slot);
            if (entry.getValueType() == JsonValue.ValueType.NULL) {
                times.add(null);
                continue;
            }
            if (!(entry instanceof JsonString text) || !TIME.matcher(text.getString()).matches()) {
                throw new InvalidInput(slotField, slotField + " is a time such as 9:00 or 17:30");
            }
            LocalTime time = LocalTime.parse(text.getString(), text.getString().length() > 5 ? LONG_TIME : SHORT_TIME);
            if (previous != null && !time.isAfter(previous)) {
                throw new InvalidInput(slotField, slotField + " must come after the time before it");
            }
            previous = time;
            times.add(time);
        }
        // Trailing nulls change nothing (Ninchat writes them for spans over midnight).
        while (!times.isEmpty() && times.get(times.size() - 1) == null) {
            times.remove(times.size() - 1);
        }
        return Collections.unmodifiableList(times);
    }

    /** A day's times; a date without any (closed all day) is written {@code null}, as Ninchat does. */
    private static JsonValue times(List<LocalTime> day) {
        if (day.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LocalTime time : day) {
            if (time == null) {
                array.addNull();
            } else {
                array.add((time.getSecond() == 0 ? SHORT_TIME : LONG_TIME).format(time));
            }
        }
        return array.build();
    }
}
