package org.carequeue.web.admin.schedule;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carequeue.schedule.QueueSchedule;

/**
 * A schedule as the admin edits it: per weekday, annual date and one-time date a list of spans
 * (open, close), either end left empty for a span that crosses midnight. It translates between
 * these rows and Ninchat's JSON, where a day's list alternates opening and closing times and a
 * {@code null} is an empty end; checking is the boundary's, and its refusal (which names a JSON
 * field such as {@code week[2][1]}) is put on the row it came from.
 */
public class ScheduleEditor implements Serializable {

    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter LONG_TIME = DateTimeFormatter.ofPattern("H:mm:ss");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM/dd");
    /** {@code week[2]}, {@code annual.12/24}, {@code exceptions.2026-12-24}, each maybe followed by {@code [slot]}. */
    private static final Pattern ROW_FIELD = Pattern.compile("(week\\[(\\d)]|annual\\.([^\\[]*)|exceptions\\.([^\\[]*))(\\[\\d+])?");

    private boolean enabled;
    private String timezone;
    private final List<Day> week = new ArrayList<>();
    private final List<Day> annual = new ArrayList<>();
    private final List<Day> exceptions = new ArrayList<>();

    static ScheduleEditor of(QueueSchedule schedule) {
        ScheduleEditor editor = new ScheduleEditor();
        editor.enabled = !schedule.disabled();
        editor.timezone = schedule.zone().getId();
        for (int day = 0; day < 7; day++) {
            String name = DayOfWeek.of(day + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            editor.week.add(Day.of(name, schedule.week().get(day)));
        }
        schedule.annual().forEach((date, times) -> editor.annual.add(Day.of(MONTH_DAY.format(date), times)));
        schedule.exceptions().forEach((date, times) -> editor.exceptions.add(Day.of(date.toString(), times)));
        return editor;
    }

    /** The rows as Ninchat's JSON; rows left entirely empty are left out. */
    String toJson() {
        JsonArrayBuilder days = Json.createArrayBuilder();
        week.forEach(day -> days.add(day.times()));
        return Json.createObjectBuilder()
                .add("disabled", !enabled)
                .add("timezone", timezone == null ? "" : timezone.strip())
                .add("week", days)
                .add("annual", dates(annual))
                .add("exceptions", dates(exceptions))
                .build().toString();
    }

    private static JsonObjectBuilder dates(List<Day> rows) {
        JsonObjectBuilder dates = Json.createObjectBuilder();
        for (Day row : rows) {
            if (!row.isEmpty()) {
                String date = row.label == null ? "" : row.label.strip();
                if (row.closed) {
                    dates.addNull(date);
                } else {
                    dates.add(date, row.times());
                }
            }
        }
        return dates;
    }

    /**
     * Puts a refusal on the row its field names; false when no row is at fault (the time zone, the
     * whole schedule), for the caller to show it elsewhere.
     */
    boolean markRefusal(String field, String message) {
        week.forEach(day -> day.error = null);
        annual.forEach(day -> day.error = null);
        exceptions.forEach(day -> day.error = null);
        Matcher matcher = field == null ? null : ROW_FIELD.matcher(field);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        Day row = matcher.group(2) != null ? week.get(Integer.parseInt(matcher.group(2)))
                : matcher.group(3) != null ? byLabel(annual, matcher.group(3)) : byLabel(exceptions, matcher.group(4));
        if (row == null) {
            return false;
        }
        row.error = message;
        return true;
    }

    private static Day byLabel(List<Day> rows, String label) {
        return rows.stream().filter(row -> label.equals(row.label == null ? "" : row.label.strip()))
                .findFirst().orElse(null);
    }

    public void addAnnual() {
        annual.add(Day.of(null, List.of()));
    }

    public void addException() {
        exceptions.add(Day.of(null, List.of()));
    }

    /** Removes an annual or one-time date. */
    public void removeDate(Day day) {
        annual.remove(day);
        exceptions.remove(day);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public List<Day> getWeek() {
        return week;
    }

    public List<Day> getAnnual() {
        return annual;
    }

    public List<Day> getExceptions() {
        return exceptions;
    }

    /** One weekday or date: its spans, or (dates only) closed all day; the refusal that concerns it. */
    public static class Day implements Serializable {

        private String label;
        private boolean closed;
        private final List<Span> spans = new ArrayList<>();
        private String error;

        static Day of(String label, List<LocalTime> times) {
            Day day = new Day();
            day.label = label;
            day.closed = label != null && times.isEmpty();
            for (int slot = 0; slot < times.size(); slot += 2) {
                day.spans.add(new Span(text(times.get(slot)), slot + 1 < times.size() ? text(times.get(slot + 1)) : null));
            }
            return day;
        }

        private static String text(LocalTime time) {
            return time == null ? null : (time.getSecond() == 0 ? SHORT_TIME : LONG_TIME).format(time);
        }

        /** The day's alternating opening and closing times; an empty end is a null. */
        JsonArrayBuilder times() {
            JsonArrayBuilder times = Json.createArrayBuilder();
            for (Span span : spans) {
                if (!span.isEmpty()) {
                    addTime(times, span.opens);
                    addTime(times, span.closes);
                }
            }
            return times;
        }

        private static void addTime(JsonArrayBuilder times, String time) {
            if (time == null || time.isBlank()) {
                times.addNull();
            } else {
                times.add(time.strip());
            }
        }

        boolean isEmpty() {
            return (label == null || label.isBlank()) && !closed && spans.stream().allMatch(Span::isEmpty);
        }

        public void addSpan() {
            spans.add(new Span(null, null));
        }

        public void removeSpan(Span span) {
            spans.remove(span);
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public boolean isClosed() {
            return closed;
        }

        public void setClosed(boolean closed) {
            this.closed = closed;
        }

        public List<Span> getSpans() {
            return spans;
        }

        public String getError() {
            return error;
        }
    }

    /** Open at one time and closed at a later one; either end may be empty (a span over midnight). */
    public static class Span implements Serializable {

        private String opens;
        private String closes;

        Span(String opens, String closes) {
            this.opens = opens;
            this.closes = closes;
        }

        boolean isEmpty() {
            return (opens == null || opens.isBlank()) && (closes == null || closes.isBlank());
        }

        public String getOpens() {
            return opens;
        }

        public void setOpens(String opens) {
            this.opens = opens;
        }

        public String getCloses() {
            return closes;
        }

        public void setCloses(String closes) {
            this.closes = closes;
        }
    }
}
