package org.carequeue.web.admin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carequeue.schedule.QueueSchedule;
import org.junit.jupiter.api.Test;

/** The editor's rows and Ninchat's JSON translate into each other; a refusal lands on its row. */
class ScheduleEditorTest {

    private static final String JSON = "{\"disabled\":false,\"timezone\":\"Europe/Helsinki\",\"week\":[[\"9:00\","
            + "\"17:00\",\"18:00\"],[null,\"0:30\",\"12:00\",\"13:15:30\"],null,null,null,null,null],"
            + "\"annual\":{\"12/24\":[\"9:00\",\"12:00\"],\"12/25\":null},\"exceptions\":{\"2030-12-31\":null}}";

    @Test
    void rowsWriteBackTheScheduleTheyWereMadeOf() {
        ScheduleEditor editor = ScheduleEditor.of(QueueSchedule.parse(JSON));
        assertEquals("Monday", editor.getWeek().get(0).getLabel());
        assertEquals("18:00", editor.getWeek().get(0).getSpans().get(1).getOpens());
        assertNull(editor.getWeek().get(0).getSpans().get(1).getCloses(), "open past midnight");
        assertNull(editor.getWeek().get(1).getSpans().get(0).getOpens(), "closes a span from the day before");
        assertTrue(editor.getAnnual().get(1).isClosed());
        assertEquals(JSON, QueueSchedule.parse(editor.toJson()).toJson());
    }

    @Test
    void emptyRowsAndSpansAreLeftOutAndADisabledScheduleStaysDisabled() {
        ScheduleEditor editor = ScheduleEditor.of(QueueSchedule.NONE);
        editor.getWeek().get(3).addSpan();
        editor.addAnnual();
        editor.addException();
        editor.getExceptions().get(0).setLabel("2030-01-02");
        editor.getExceptions().get(0).addSpan();
        editor.getExceptions().get(0).getSpans().get(0).setOpens(" 10:00 ");
        editor.getExceptions().get(0).getSpans().get(0).setCloses("11:00");
        assertEquals("{\"disabled\":true,\"timezone\":\"UTC\",\"week\":[[],[],[],[],[],[],[]],\"annual\":{},"
                + "\"exceptions\":{\"2030-01-02\":[\"10:00\",\"11:00\"]}}", editor.toJson());
    }

    @Test
    void aRefusalIsPutOnTheRowItsFieldNames() {
        ScheduleEditor editor = ScheduleEditor.of(QueueSchedule.parse(JSON));
        assertTrue(editor.markRefusal("week[1][3]", "late"));
        assertEquals("late", editor.getWeek().get(1).getError());
        assertTrue(editor.markRefusal("annual.12/25", "bad"));
        assertNull(editor.getWeek().get(1).getError(), "the earlier refusal is cleared");
        assertEquals("bad", editor.getAnnual().get(1).getError());
        assertTrue(editor.markRefusal("exceptions.2030-12-31[0]", "no"));
        assertEquals("no", editor.getExceptions().get(0).getError());
        assertFalse(editor.markRefusal("timezone", "unknown"));
        assertFalse(editor.markRefusal("annual.02/30", "not one of the rows"));
        assertFalse(editor.markRefusal(null, "the whole schedule"));
    }
}
