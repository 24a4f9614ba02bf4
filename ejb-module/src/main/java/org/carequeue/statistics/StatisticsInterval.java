package org.carequeue.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How a period is cut into rows, by the local time of the period's zone. Each interval also bounds
 * the period it may cover, which bounds the rows of an answer and the audiences it reads.
 */
public enum StatisticsInterval {
    /** Local clock hours: a day of a DST change has 23 or 25 rows, the repeated hour twice (two offsets). */
    HOURLY(93),
    /** Local calendar days, from local midnight (or the day's first instant where midnight does not exist). */
    DAILY(366),
    /** Calendar months; a period that starts or ends inside a month gets a partial first or last row. */
    MONTHLY(731);

    private final int maxDays;

    StatisticsInterval(int maxDays) {
        this.maxDays = maxDays;
    }

    /** The longest period, in days, an answer may cover at this interval. */
    public int maxDays() {
        return maxDays;
    }

    /** The start of the interval after the one starting at {@code start}; never beyond {@code end}. */
    ZonedDateTime next(ZonedDateTime start, ZonedDateTime end, ZoneId zone) {
        ZonedDateTime next = switch (this) {
            case HOURLY -> {
                // The next local full hour; where a zone shifts by less than an hour the truncation
                // could fall back onto the start, and then the interval is one elapsed hour.
                ZonedDateTime hour = start.plusHours(1).truncatedTo(ChronoUnit.HOURS);
                yield hour.isAfter(start) ? hour : start.plusHours(1);
            }
            case DAILY -> startOf(start.toLocalDate().plusDays(1), zone);
            case MONTHLY -> startOf(start.toLocalDate().withDayOfMonth(1).plusMonths(1), zone);
        };
        return next.isAfter(end) ? end : next;
    }

    static ZonedDateTime startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone);
    }
}
