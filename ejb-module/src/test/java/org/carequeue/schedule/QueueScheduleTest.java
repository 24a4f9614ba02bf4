package org.carequeue.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.carequeue.platform.InvalidInput;
import org.carequeue.schedule.QueueSchedule.Edge;
import org.junit.jupiter.api.Test;

/** The schedule maths, against fixed clocks. */
class QueueScheduleTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private static QueueSchedule schedule(String week, String annual, String exceptions) {
        return QueueSchedule.parse("{\"timezone\":\"Europe/Helsinki\",\"week\":" + week + ",\"annual\":" + annual
                + ",\"exceptions\":" + exceptions + "}");
    }

    private static QueueSchedule weekly(String week) {
        return schedule(week, "{}", "{}");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HELSINKI).toInstant();
    }

    private static Edge opens(String localDateTime) {
        return new Edge(at(localDateTime), true);
    }

    private static Edge closes(String localDateTime) {
        return new Edge(at(localDateTime), false);
    }

    /** 2026-11-23 is a Monday. */
    @Test
    void aWeekdayHasSeveralOpenAndClosePairs() {
        QueueSchedule schedule = weekly("[[],[],[\"10:00\",\"17:00\",\"19:00\",\"22:00\"],[],[],[],[]]");
        assertEquals(List.of(opens("2026-11-25T10:00"), closes("2026-11-25T17:00"), opens("2026-11-25T19:00"),
                closes("2026-11-25T22:00")), schedule.edgesOn(LocalDate.parse("2026-11-25")));
        assertEquals(List.of(), schedule.edgesOn(LocalDate.parse("2026-11-24")));
    }

    @Test
    void nullsWriteASpanOverMidnight() {
        QueueSchedule schedule = weekly("[[\"18:00\",null,null,null],[null,\"0:30\"],[],[],[],[],[]]");
        assertEquals(List.of(opens("2026-11-23T18:00")), schedule.edgesOn(LocalDate.parse("2026-11-23")));
        assertEquals(List.of(closes("2026-11-24T00:30")), schedule.edgesOn(LocalDate.parse("2026-11-24")));
        assertEquals(Optional.of(closes("2026-11-24T00:30")),
                schedule.latestDue(at("2026-11-23T20:00"), at("2026-11-24T01:00")));
    }

    @Test
    void onlyTheLatestMissedEdgeIsDueAfterAStandstill() {
        QueueSchedule schedule = weekly("[[\"9:00\",\"17:00\"],[\"9:00\",\"17:00\"],[],[],[],[],[]]");
        // Down from Monday 8:00 until Tuesday 12:00: Tuesday's opening is the one to apply.
        assertEquals(Optional.of(opens("2026-11-24T09:00")),
                schedule.latestDue(at("2026-11-23T08:00"), at("2026-11-24T12:00")));
        // Applied already: nothing is due until the next edge.
        assertEquals(Optional.empty(), schedule.latestDue(at("2026-11-24T09:00"), at("2026-11-24T12:00")));
    }

    @Test
    void timesAlreadyPastWhenTheScheduleIsSavedDoNothing() {
        QueueSchedule schedule = weekly("[[\"9:00\",\"17:00\"],[],[],[],[],[],[]]");
        Instant saved = at("2026-11-23T12:00");
        assertEquals(Optional.empty(), schedule.latestDue(saved, at("2026-11-23T12:00:05")));
        assertEquals(Optional.of(closes("2026-11-23T17:00")), schedule.latestDue(saved, at("2026-11-23T17:00:03")));
    }

    @Test
    void springForwardMovesASkippedTimeToTheJumpAndKeepsTheOrder() {
        // 2026-03-29: clocks go from 03:00 to 04:00 in Helsinki; 03:30 does not exist that day.
        QueueSchedule schedule = weekly("[[],[],[],[],[],[],[\"3:30\",\"4:15\"]]");
        List<Edge> edges = schedule.edgesOn(LocalDate.parse("2026-03-29"));
        assertEquals(List.of(new Edge(ZonedDateTime.parse("2026-03-29T04:00+03:00[Europe/Helsinki]").toInstant(), true),
                new Edge(ZonedDateTime.parse("2026-03-29T04:15+03:00[Europe/Helsinki]").toInstant(), false)), edges);
    }

    @Test
    void aSpanOverMidnightCarriesOnIntoAnExceptionThatBeginsWithNull() {
        QueueSchedule schedule = schedule("[[\"18:00\"],[null,\"0:30\"],[],[],[],[],[]]", "{}",
                "{\"2026-11-24\":[null,\"2:00\"],\"2026-12-01\":[\"9:00\",\"10:00\"]}");
        assertEquals(List.of(closes("2026-11-24T02:00")), schedule.edgesOn(LocalDate.parse("2026-11-24")));
        assertEquals(List.of(closes("2026-12-01T00:00"), opens("2026-12-01T09:00"), closes("2026-12-01T10:00")),
                schedule.edgesOn(LocalDate.parse("2026-12-01")));
    }

    @Test
    void fallBackTakesARepeatedTimeAtItsFirstOccurrence() {
        // 2026-10-25: clocks go from 04:00 back to 03:00 in Helsinki; 03:30 happens twice.
        QueueSchedule schedule = weekly("[[],[],[],[],[],[],[\"3:30\",\"12:00\"]]");
        List<Edge> edges = schedule.edgesOn(LocalDate.parse("2026-10-25"));
        assertEquals(ZonedDateTime.parse("2026-10-25T03:30+03:00[Europe/Helsinki]").toInstant(), edges.get(0).at());
        assertEquals(ZonedDateTime.parse("2026-10-25T12:00+02:00[Europe/Helsinki]").toInstant(), edges.get(1).at());
        // The day is 25 hours long: 8 h 30 min on the clock are 9 h 30 min between the edges.
        assertEquals(9 * 3600 + 30 * 60, edges.get(1).at().getEpochSecond() - edges.get(0).at().getEpochSecond());
    }

    @Test
    void aTimeRepeatedByTheFallBackIsDueOnceAndAStandstillOverTheChangeCatchesUpTheLatest() {
        // 2026-10-25: 03:30 happens at +03:00 and again an hour later at +02:00.
        QueueSchedule schedule = weekly("[[],[],[],[],[],[],[\"3:30\",\"12:00\"]]");
        Instant first = ZonedDateTime.parse("2026-10-25T03:30+03:00[Europe/Helsinki]").toInstant();
        Instant second = ZonedDateTime.parse("2026-10-25T03:30+02:00[Europe/Helsinki]").toInstant();
        assertEquals(Optional.of(new Edge(first, true)), schedule.latestDue(first.minusSeconds(60), first.plusSeconds(5)));
        assertEquals(Optional.empty(), schedule.latestDue(first, second.plusSeconds(5)), "not again at the repeat");
        // Down from Saturday until after Sunday's closing: only the closing is applied.
        assertEquals(Optional.of(closes("2026-10-25T12:00")),
                schedule.latestDue(at("2026-10-24T12:00"), at("2026-10-25T13:00")));
    }

    @Test
    void theNextOpeningAndClosingCrossMidnightAndTheSpringForward() {
        QueueSchedule schedule = weekly("[[],[],[],[],[],[\"22:00\"],[null,\"3:30\"]]");
        // Saturday 2026-03-28 22:00 opens; Sunday's 03:30 does not exist (03:00 -> 04:00): it closes at the jump.
        assertEquals(Optional.of(at("2026-03-28T22:00")), schedule.nextOpening(at("2026-03-28T12:00")));
        assertEquals(Optional.of(ZonedDateTime.parse("2026-03-29T04:00+03:00[Europe/Helsinki]").toInstant()),
                schedule.nextClosing(at("2026-03-28T23:00")));
        assertEquals(Optional.empty(), QueueSchedule.NONE.nextClosing(at("2026-03-28T23:00")));
    }

    @Test
    void anAnnualDateReplacesItsWeekdayAndAnExceptionReplacesBoth() {
        QueueSchedule schedule = schedule("[[],[],[],[\"9:00\",\"17:00\"],[\"9:00\",\"17:00\"],[],[]]",
                "{\"12/24\":[\"9:00\",\"12:00\"],\"12/25\":null}", "{\"2026-12-24\":[\"11:00\",\"15:00\"]}");
        // Thursday 2026-12-24: the one-time exception wins over the annual date and the weekday.
        assertEquals(List.of(closes("2026-12-24T00:00"), opens("2026-12-24T11:00"), closes("2026-12-24T15:00")),
                schedule.edgesOn(LocalDate.parse("2026-12-24")));
        // Friday 2026-12-25: the annual date keeps it closed all day.
        assertEquals(List.of(closes("2026-12-25T00:00")), schedule.edgesOn(LocalDate.parse("2026-12-25")));
        // 2027-12-24, a Friday: the annual date without the exception.
        assertEquals(List.of(closes("2027-12-24T00:00"), opens("2027-12-24T09:00"), closes("2027-12-24T12:00")),
                schedule.edgesOn(LocalDate.parse("2027-12-24")));
    }

    @Test
    void theNextOpeningSkipsClosedDays() {
        QueueSchedule schedule = schedule("[[\"9:00\",\"17:00\"],[],[],[],[],[],[]]", "{}", "{\"2026-11-30\":null}");
        // Monday 30 November is an exception closed all day: the next opening is a week later.
        assertEquals(Optional.of(at("2026-12-07T09:00")), schedule.nextOpening(at("2026-11-23T18:00")));
    }

    @Test
    void aDisabledScheduleDoesNothing() {
        QueueSchedule schedule = QueueSchedule.parse("{\"disabled\":true,\"timezone\":\"UTC\","
                + "\"week\":[[\"9:00\",\"17:00\"],[],[],[],[],[],[]]}");
        assertTrue(schedule.disabled());
        assertEquals(Optional.empty(), schedule.latestDue(Instant.EPOCH, Instant.now()));
        assertEquals(Optional.empty(), schedule.nextOpening(Instant.now()));
    }

    @Test
    void itWritesBackWhatItRead() {
        String json = "{\"disabled\":false,\"timezone\":\"Europe/Helsinki\",\"week\":[[\"9:00\",\"17:00\"],"
                + "[null,\"0:30\"],null,null,null,[\"18:00\"],[\"10:15:30\",\"11:00\"]],\"annual\":{\"12/24\":[\"9:00\","
                + "\"12:00\"],\"12/25\":null},\"exceptions\":{\"2026-06-19\":null}}";
        assertEquals(json, QueueSchedule.parse(json).toJson());
    }

    @Test
    void invalidSchedulesAreRefusedWithTheFieldNamed() {
        assertRefused("schedule", "not json");
        assertRefused("timezone", "{\"week\":[[],[],[],[],[],[],[]]}");
        assertRefused("timezone", "{\"timezone\":\"Mars/Olympus\",\"week\":[[],[],[],[],[],[],[]]}");
        assertRefused("week", "{\"timezone\":\"UTC\",\"week\":[[],[]]}");
        assertRefused("week[2][1]", "{\"timezone\":\"UTC\",\"week\":[[],[],[\"9:00\",\"25:00\"],[],[],[],[]]}");
        assertRefused("week[0][1]", "{\"timezone\":\"UTC\",\"week\":[[\"9:00\",\"8:00\"],[],[],[],[],[],[]]}");
        assertRefused("annual.12/32", "{\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],\"annual\":{\"12/32\":null}}");
        assertRefused("annual.1/05", "{\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],\"annual\":{\"1/05\":null}}");
        assertRefused("annual.02/14", "{\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],"
                + "\"annual\":{\"02/14\":[\"12:00\"]}}");
        assertRefused("exceptions.2026-02-30", "{\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],"
                + "\"exceptions\":{\"2026-02-30\":null}}");
        assertRefused("exception", "{\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],\"exception\":{}}");
        assertRefused("disabled", "{\"disabled\":\"yes\",\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]]}");
    }

    private static void assertRefused(String field, String json) {
        InvalidInput refusal = assertThrows(InvalidInput.class, () -> QueueSchedule.parse(json), json);
        assertEquals(field, refusal.field(), refusal.getMessage());
        assertFalse(refusal.getMessage().isBlank());
    }
}
